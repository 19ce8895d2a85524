<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReviewActions</name>
    <message numerus="yes">
        <source>Deleted %n value(s). Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Deleted %n value. Undo (Ctrl+Z) brings it back.</numerusform>
            <numerusform>Deleted %n values. Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s).</source>
        <translation>
            <numerusform>Confirmed %n value.</numerusform>
            <numerusform>Confirmed %n values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s) of {domain} on page {page}, each printed so on the page.</source>
        <translation>
            <numerusform>Confirmed %n value of {domain} on page {page}, printed so on the page.</numerusform>
            <numerusform>Confirmed %n values of {domain} on page {page}, each printed so on the page.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} and %n more</numerusform>
            <numerusform>{names} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed, check these one by one: {names}.</source>
        <translation>
            <numerusform>Not confirmed, check it one by one: {names}.</numerusform>
            <numerusform>Not confirmed, check these one by one: {names}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) selected.</source>
        <translation>
            <numerusform>%n value selected.</numerusform>
            <numerusform>%n values selected.</numerusform>
        </translation>
    </message>
</context>
</TS>
