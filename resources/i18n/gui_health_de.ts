<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AnalyteListModel</name>
    <message>
        <source>no unit</source>
        <translation>ohne Einheit</translation>
    </message>
    <message numerus="yes">
        <source>{test}: %n results ({units})</source>
        <translation>
            <numerusform>{test}: %n Ergebnis ({units})</numerusform>
            <numerusform>{test}: %n Ergebnisse ({units})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>No value with a number and a date to draw.</source>
        <translation>Kein Wert mit Zahl und Datum, der sich darstellen lässt.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>{values}, {span}; latest {latest}; {out_of_range}.</source>
        <extracomment>values: &quot;3 values&quot;; span: one date or &quot;12 Mar 2024 to 2 Jun 2025&quot;; latest: &quot;6.2 % (high)&quot;; out_of_range: &quot;2 out of range&quot;.</extracomment>
        <translation>{values}, {span}; zuletzt {latest}; {out_of_range}.</translation>
    </message>
    <message numerus="yes">
        <source>%n values</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of range</source>
        <translation>
            <numerusform>%n außerhalb des Referenzbereichs</numerusform>
            <numerusform>%n außerhalb des Referenzbereichs</numerusform>
        </translation>
    </message>
    <message>
        <source>Reference range {range}.</source>
        <translation>Referenzbereich {range}.</translation>
    </message>
    <message numerus="yes">
        <source>%n without a number or date are only in the table.</source>
        <translation>
            <numerusform>%n Wert ohne Zahl oder Datum steht nur in der Tabelle.</numerusform>
            <numerusform>%n Werte ohne Zahl oder Datum stehen nur in der Tabelle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthTables</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>From document</source>
        <translation>Aus Dokument</translation>
    </message>
    <message>
        <source>Listed the same in:</source>
        <translation>Gleich aufgeführt in:</translation>
    </message>
    <message>
        <source>Listed in:</source>
        <translation>Aufgeführt in:</translation>
    </message>
    <message>
        <source>Click to open the newest of them and check the line against the page.</source>
        <translation>Klicken Sie, um das neueste davon zu öffnen und die Zeile mit der Seite zu vergleichen.</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Not seen since</source>
        <translation>Zuletzt erwähnt</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Abgesetzt am</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Laborwert</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Referenzbereich</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message numerus="yes">
        <source>{document} and %n earlier</source>
        <extracomment>document: type, date, issuer and file of the newest document listing the line; %n older documents list it the same.</extracomment>
        <translation>
            <numerusform>{document} und %n früheres</numerusform>
            <numerusform>{document} und %n frühere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>In range</source>
        <translation>Im Referenzbereich</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Auffällig</translation>
    </message>
    <message>
        <source>Trend of {test} in {unit}</source>
        <translation>Verlauf von {test} in {unit}</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>ohne Einheit</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Referenzbereich</translation>
    </message>
    <message>
        <source>Reference range (differs between labs)</source>
        <translation>Referenzbereich (je nach Labor)</translation>
    </message>
</context>
<context>
    <name>LabValues</name>
    <message>
        <source>▲ High</source>
        <translation>▲ Hoch</translation>
    </message>
    <message>
        <source>▼ Low</source>
        <translation>▼ Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>{value} ({flag})</source>
        <translation>{value} ({flag})</translation>
    </message>
    <message>
        <source>{value} (from {printed})</source>
        <extracomment>A value converted into the unit of its chart, then the value and unit printed on the page.</extracomment>
        <translation>{value} (umgerechnet aus {printed})</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>ohne Datum</translation>
    </message>
    <message>
        <source>{test}, {date}: {value}</source>
        <translation>{test}, {date}: {value}</translation>
    </message>
    <message>
        <source>Reference range: {range}</source>
        <translation>Referenzbereich: {range}</translation>
    </message>
    <message>
        <source>Converted from {unit}: the page shows {printed}.</source>
        <translation>Umgerechnet aus {unit}: Auf der Seite steht {printed}.</translation>
    </message>
    <message>
        <source>From: {document}</source>
        <translation>Quelle: {document}</translation>
    </message>
</context>
<context>
    <name>LabsView</name>
    <message>
        <source>No lab results yet. They appear here once your lab reports have been read.</source>
        <translation>Noch keine Laborwerte. Sie erscheinen hier, sobald Ihre Laborbefunde ausgelesen sind.</translation>
    </message>
    <message>
        <source>These values use units that cannot be converted into each other, so each unit has its own chart.</source>
        <translation>Diese Werte haben Einheiten, die sich nicht ineinander umrechnen lassen. Deshalb hat jede Einheit ihr eigenes Diagramm.</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Laborwerte</translation>
    </message>
    <message>
        <source>Pick a test on the left to see its trend.</source>
        <translation>Wählen Sie links einen Laborwert, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Filter by test, value, date or document…</source>
        <translation>Nach Laborwert, Ergebnis, Datum oder Dokument filtern…</translation>
    </message>
    <message>
        <source>Filter lab values</source>
        <translation>Laborwerte filtern</translation>
    </message>
    <message>
        <source>Out of range only</source>
        <translation>Nur auffällige Werte</translation>
    </message>
    <message>
        <source>Show only values out of range</source>
        <translation>Nur Werte außerhalb des Referenzbereichs zeigen</translation>
    </message>
    <message>
        <source>Number of values shown</source>
        <translation>Anzahl der angezeigten Werte</translation>
    </message>
    <message>
        <source>All lab values</source>
        <translation>Alle Laborwerte</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Laborwerte</translation>
    </message>
    <message>
        <source>Every lab value from all your documents. Pick a test to see how it changed over time; click a document to check a value against the page.</source>
        <translation>Alle Laborwerte aus all Ihren Dokumenten. Wählen Sie einen Laborwert, um zu sehen, wie er sich mit der Zeit verändert hat; klicken Sie auf ein Dokument, um einen Wert mit der Seite zu vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n values</source>
        <translation>
            <numerusform>{shown} von %n Wert</numerusform>
            <numerusform>{shown} von %n Werten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicationsModel</name>
    <message>
        <source>{date} (“{printed}”)</source>
        <extracomment>The date a drug was stopped and the words of the document that say so, as printed.</extracomment>
        <translation>{date} („{printed}“)</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Unverändert</translation>
    </message>
</context>
<context>
    <name>MedicationsView</name>
    <message>
        <source>No medications yet. They appear here once your documents have been read.</source>
        <translation>Noch keine Medikamente. Sie erscheinen hier, sobald Ihre Dokumente ausgelesen sind.</translation>
    </message>
    <message>
        <source>Stopped: the most recent document naming each of these says it was stopped.</source>
        <translation>Abgesetzt: Laut dem jüngsten Dokument, das jedes dieser Medikamente nennt, wurde es abgesetzt.</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Aktuelle Medikamente</translation>
    </message>
    <message>
        <source>Medications not seen for a long time</source>
        <translation>Medikamente, die lange nicht mehr erwähnt wurden</translation>
    </message>
    <message>
        <source>Stopped medications</source>
        <translation>Abgesetzte Medikamente</translation>
    </message>
    <message>
        <source>History of the selected medication</source>
        <translation>Verlauf des ausgewählten Medikaments</translation>
    </message>
    <message>
        <source>Not seen for a long time</source>
        <translation>Lange nicht mehr erwähnt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Abgesetzt</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medikamente</translation>
    </message>
    <message>
        <source>Your medications from all your documents: each drug as the most recent document naming it lists it. A drug leaves this list only when a newer document says it was stopped. Select one to see its history; click a document to check it against the page.</source>
        <translation>Ihre Medikamente aus allen Dokumenten, jedes so, wie es das jüngste Dokument nennt. Ein Medikament verschwindet erst von der Liste, wenn ein neueres Dokument es als abgesetzt aufführt. Wählen Sie eines für seinen Verlauf; klicken Sie auf ein Dokument, um es mit der Seite zu vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>Not seen for over %n months: no document names these in the %n months before your newest one ({date}). Ask your doctor whether you still take them.</source>
        <translation>
            <numerusform>Seit über %n Monat nicht mehr erwähnt: Kein Dokument nennt diese Medikamente im %n Monat vor Ihrem neuesten Dokument ({date}). Fragen Sie Ihre Ärztin oder Ihren Arzt, ob Sie sie noch einnehmen.</numerusform>
            <numerusform>Seit über %n Monaten nicht mehr erwähnt: Kein Dokument nennt diese Medikamente in den %n Monaten vor Ihrem neuesten Dokument ({date}). Fragen Sie Ihre Ärztin oder Ihren Arzt, ob Sie sie noch einnehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>History of {medication}</source>
        <translation>Verlauf von {medication}</translation>
    </message>
    <message>
        <source>Select a medication to see its history.</source>
        <translation>Wählen Sie ein Medikament aus, um seinen Verlauf zu sehen.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Your vault is locked. Unlock it to see your health overview.</source>
        <translation>Ihr Tresor ist gesperrt. Entsperren Sie ihn, um Ihre Gesundheitsübersicht zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>ReadOnlyTable</name>
    <message>
        <source>Document {number}</source>
        <translation>Dokument {number}</translation>
    </message>
    <message>
        <source>Click to open this document and check the value against the page.</source>
        <translation>Klicken Sie, um dieses Dokument zu öffnen und den Wert mit der Seite zu vergleichen.</translation>
    </message>
</context>
</TS>
