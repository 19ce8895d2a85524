<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DocumentsModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading (page {page} of %n)</source>
        <translation>
            <numerusform>Reading (page {page} of %n)</numerusform>
            <numerusform>Reading (page {page} of %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The %n document(s) selected in the library</source>
        <translation>
            <numerusform>The %n document selected in the library</numerusform>
            <numerusform>The %n documents selected in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n value(s) to {path}. It is not encrypted: keep it safe.</source>
        <translation>
            <numerusform>Saved %n value to {path}. It is not encrypted: keep it safe.</numerusform>
            <numerusform>Saved %n values to {path}. It is not encrypted: keep it safe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExtractionPanel</name>
    <message numerus="yes">
        <source>Document {number} of %n</source>
        <translation>
            <numerusform>Document {number} of %n</numerusform>
            <numerusform>Document {number} of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading page {page} of %n</source>
        <translation>
            <numerusform>Reading page {page} of %n</numerusform>
            <numerusform>Reading page {page} of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n document(s)</source>
        <translation>
            <numerusform>%v of %n document</numerusform>
            <numerusform>%v of %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n page(s)</source>
        <translation>
            <numerusform>%v of %n page</numerusform>
            <numerusform>%v of %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) read</source>
        <translation>
            <numerusform>%Ln token read</numerusform>
            <numerusform>%Ln tokens read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) read; check the values in Review.</source>
        <translation>
            <numerusform>%n document read; check the values in Review.</numerusform>
            <numerusform>%n documents read; check the values in Review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Status column; Retry is possible).</source>
        <translation>
            <numerusform>%n could not be read (see the Status column; Retry is possible).</numerusform>
            <numerusform>%n could not be read (see the Status column; Retry is possible).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message numerus="yes">
        <source>Importing file 1 of %n</source>
        <translation>
            <numerusform>Importing file 1 of %n</numerusform>
            <numerusform>Importing file 1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); it will be read by the AI next.</source>
        <translation>
            <numerusform>{name} — Imported (%n page); it will be read by the AI next.</numerusform>
            <numerusform>{name} — Imported (%n pages); it will be read by the AI next.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)) and read: ready for your review.</source>
        <translation>
            <numerusform>{name} — Imported (%n page) and read: ready for your review.</numerusform>
            <numerusform>{name} — Imported (%n pages) and read: ready for your review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); the AI could not read it: {reason}</source>
        <translation>
            <numerusform>{name} — Imported (%n page); the AI could not read it: {reason}</numerusform>
            <numerusform>{name} — Imported (%n pages); the AI could not read it: {reason}</numerusform>
        </translation>
    </message>
</context>
</TS>
