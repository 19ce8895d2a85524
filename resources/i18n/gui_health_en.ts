<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalyteListModel</name>
    <message numerus="yes">
        <source>{test}: %n results ({units})</source>
        <translation>
            <numerusform>{test}: %n result ({units})</numerusform>
            <numerusform>{test}: %n results ({units})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message numerus="yes">
        <source>%n values</source>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of range</source>
        <translation>
            <numerusform>%n out of range</numerusform>
            <numerusform>%n out of range</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a number or date are only in the table.</source>
        <translation>
            <numerusform>%n without a number or date is only in the table.</numerusform>
            <numerusform>%n without a number or date are only in the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message numerus="yes">
        <source>{document} and %n earlier</source>
        <extracomment>document: type, date, issuer and file of the newest document listing the line; %n older documents list it the same.</extracomment>
        <translation>
            <numerusform>{document} and %n earlier</numerusform>
            <numerusform>{document} and %n earlier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabsView</name>
    <message numerus="yes">
        <source>{shown} of %n values</source>
        <translation>
            <numerusform>{shown} of %n value</numerusform>
            <numerusform>{shown} of %n values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicationsView</name>
    <message numerus="yes">
        <source>Not seen for over %n months: no document names these in the %n months before your newest one ({date}). Ask your doctor whether you still take them.</source>
        <translation>
            <numerusform>Not seen for over %n month: no document names these in the %n month before your newest one ({date}). Ask your doctor whether you still take them.</numerusform>
            <numerusform>Not seen for over %n months: no document names these in the %n months before your newest one ({date}). Ask your doctor whether you still take them.</numerusform>
        </translation>
    </message>
</context>
</TS>
