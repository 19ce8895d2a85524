<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Wird gelesen</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Zur Durchsicht</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Durchgesehen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>imported {date}</source>
        <translation>importiert am {date}</translation>
    </message>
    <message numerus="yes">
        <source>Reading (page {page} of %n)</source>
        <translation>
            <numerusform>Wird gelesen (Seite {page} von %n)</numerusform>
            <numerusform>Wird gelesen (Seite {page} von %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>{reason} Select the document and press Retry.</source>
        <translation>{reason} Wählen Sie das Dokument aus und klicken Sie auf „Erneut lesen“.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PDF summary, to read or print</source>
        <translation>PDF-Zusammenfassung zum Lesen oder Drucken</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>FHIR R4, for a clinic&apos;s computer system</source>
        <translation>FHIR R4, für das Computersystem einer Praxis oder Klinik</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR-JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV table, for a spreadsheet</source>
        <translation>CSV-Tabelle, für eine Tabellenkalkulation</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Markdown, plain text</source>
        <translation>Markdown, reiner Text</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown-Dateien (*.md)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <source>Export for your doctor</source>
        <translation>Für den Arztbesuch exportieren</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>Documents dated from</source>
        <translation>Dokumente vom</translation>
    </message>
    <message numerus="yes">
        <source>The %n document(s) selected in the library</source>
        <translation>
            <numerusform>%n in der Liste ausgewähltes Dokument</numerusform>
            <numerusform>%n in der Liste ausgewählte Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Anfangsdatum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Enddatum</translation>
    </message>
    <message>
        <source>Also include values I have not reviewed yet</source>
        <translation>Auch Werte einschließen, die ich noch nicht durchgesehen habe</translation>
    </message>
    <message>
        <source>Values you have not reviewed may be wrong: the AI can misread a document. In the file they are not marked as confirmed.</source>
        <translation>Werte, die Sie noch nicht durchgesehen haben, können falsch sein: Die KI kann ein Dokument falsch lesen. In der Datei sind sie nicht als bestätigt gekennzeichnet.</translation>
    </message>
    <message>
        <source>The export is not encrypted</source>
        <translation>Der Export ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>between two dates</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Which documents:</source>
        <translation>Welche Dokumente:</translation>
    </message>
    <message>
        <source>Writing the export…</source>
        <translation>Der Export wird geschrieben …</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n value(s) to {path}. It is not encrypted: keep it safe.</source>
        <translation>
            <numerusform>%n Wert in {path} gespeichert. Die Datei ist nicht verschlüsselt: Bewahren Sie sie sicher auf.</numerusform>
            <numerusform>%n Werte in {path} gespeichert. Die Datei ist nicht verschlüsselt: Bewahren Sie sie sicher auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>ExtractionPanel</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Reading documents</source>
        <translation>Dokumente werden gelesen</translation>
    </message>
    <message>
        <source>Reading your documents</source>
        <translation>Ihre Dokumente werden gelesen</translation>
    </message>
    <message>
        <source>Document progress</source>
        <translation>Fortschritt der Dokumente</translation>
    </message>
    <message>
        <source>Documents read</source>
        <translation>Gelesene Dokumente</translation>
    </message>
    <message>
        <source>Page progress</source>
        <translation>Fortschritt der Seiten</translation>
    </message>
    <message>
        <source>Pages read</source>
        <translation>Gelesene Seiten</translation>
    </message>
    <message>
        <source>Tokens and time</source>
        <translation>Token und Zeit</translation>
    </message>
    <message>
        <source>Result of reading</source>
        <translation>Ergebnis des Lesens</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>Lesen abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close reading panel</source>
        <translation>Lesebereich schließen</translation>
    </message>
    <message>
        <source>Starting the AI engine…</source>
        <translation>Die KI-Engine wird gestartet …</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Wird nach diesem Schritt beendet …</translation>
    </message>
    <message numerus="yes">
        <source>Document {number} of %n</source>
        <translation>
            <numerusform>Dokument {number} von %n</numerusform>
            <numerusform>Dokument {number} von %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading page {page} of %n</source>
        <translation>
            <numerusform>Seite {page} von %n wird gelesen</numerusform>
            <numerusform>Seite {page} von %n wird gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n document(s)</source>
        <translation>
            <numerusform>%v von %n Dokument</numerusform>
            <numerusform>%v von %n Dokumenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n page(s)</source>
        <translation>
            <numerusform>%v von %n Seite</numerusform>
            <numerusform>%v von %n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) read</source>
        <translation>
            <numerusform>%Ln Token gelesen</numerusform>
            <numerusform>%Ln Token gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>{duration} on this document</source>
        <translation>{duration} für dieses Dokument</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>noch etwa {duration}</translation>
    </message>
    <message>
        <source>Reading could not start</source>
        <translation>Das Lesen konnte nicht beginnen</translation>
    </message>
    <message>
        <source>Your documents stay queued.</source>
        <translation>Ihre Dokumente bleiben in der Warteschlange.</translation>
    </message>
    <message>
        <source>Reading stopped</source>
        <translation>Lesen abgebrochen</translation>
    </message>
    <message>
        <source>You cancelled. Documents not read yet stay queued.</source>
        <translation>Sie haben abgebrochen. Noch nicht gelesene Dokumente bleiben in der Warteschlange.</translation>
    </message>
    <message>
        <source>Reading finished</source>
        <translation>Lesen abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) read; check the values in Review.</source>
        <translation>
            <numerusform>%n Dokument gelesen; prüfen Sie die Werte unter „Durchsehen“.</numerusform>
            <numerusform>%n Dokumente gelesen; prüfen Sie die Werte unter „Durchsehen“.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Status column; Retry is possible).</source>
        <translation>
            <numerusform>%n Dokument konnte nicht gelesen werden (siehe Spalte „Status“; mit „Erneut lesen“ lässt es sich noch einmal versuchen).</numerusform>
            <numerusform>%n Dokumente konnten nicht gelesen werden (siehe Spalte „Status“; mit „Erneut lesen“ lässt es sich noch einmal versuchen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Details without any of your data were written to the log.</source>
        <translation>Details ohne Ihre Daten wurden in das Protokoll geschrieben.</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>This PDF is protected by a password, and none was given.</source>
        <translation>Dieses PDF ist durch ein Passwort geschützt, und es wurde keines eingegeben.</translation>
    </message>
    <message>
        <source>Please wait: the previous import is still running.</source>
        <translation>Bitte warten Sie: Der vorherige Import läuft noch.</translation>
    </message>
    <message>
        <source>That password did not open it. “{name}” is protected by a password. Type it to import the file (Coheara does not keep the password).</source>
        <translation>Mit diesem Passwort ließ sich die Datei nicht öffnen. „{name}“ ist durch ein Passwort geschützt. Geben Sie es ein, um die Datei zu importieren (Coheara speichert das Passwort nicht).</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password. Type it to import the file (Coheara does not keep the password).</source>
        <translation>„{name}“ ist durch ein Passwort geschützt. Geben Sie es ein, um die Datei zu importieren (Coheara speichert das Passwort nicht).</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Passwort erforderlich</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <source>Import step</source>
        <translation>Importschritt</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Importierte Dateien</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Importing file 1 of %n</source>
        <translation>
            <numerusform>Datei 1 von %n wird importiert</numerusform>
            <numerusform>Datei 1 von %n wird importiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>Import results</source>
        <translation>Importergebnisse</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear import results</source>
        <translation>Importergebnisse leeren</translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); it will be read by the AI next.</source>
        <translation>
            <numerusform>{name} — Importiert (%n Seite); die KI liest die Datei als Nächstes.</numerusform>
            <numerusform>{name} — Importiert (%n Seiten); die KI liest die Datei als Nächstes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in your vault.</source>
        <translation>Schon in Ihrem Tresor.</translation>
    </message>
    <message>
        <source>{name} — Not imported: {reason}</source>
        <translation>{name} — Nicht importiert: {reason}</translation>
    </message>
    <message>
        <source>{name} — Not imported: this file could not be read.</source>
        <translation>{name} — Nicht importiert: Diese Datei konnte nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)) and read: ready for your review.</source>
        <translation>
            <numerusform>{name} — Importiert (%n Seite) und gelesen: bereit zur Durchsicht.</numerusform>
            <numerusform>{name} — Importiert (%n Seiten) und gelesen: bereit zur Durchsicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); the AI could not read it: {reason}</source>
        <translation>
            <numerusform>{name} — Importiert (%n Seite); die KI konnte die Datei nicht lesen: {reason}</numerusform>
            <numerusform>{name} — Importiert (%n Seiten); die KI konnte die Datei nicht lesen: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Your library is empty.

Drop photos or PDFs of your medical documents anywhere in this window,
or choose “Import files…” (Ctrl+O).</source>
        <translation>Sie haben noch keine Dokumente.

Ziehen Sie Fotos oder PDFs Ihrer medizinischen Dokumente an eine beliebige Stelle dieses Fensters
oder wählen Sie „Dateien importieren …“ (Strg+O).</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Dateien importieren …</translation>
    </message>
    <message>
        <source>Import files (Ctrl+O)</source>
        <translation>Dateien importieren (Strg+O)</translation>
    </message>
    <message>
        <source>Read queued documents</source>
        <translation>Lesen starten</translation>
    </message>
    <message>
        <source>Read queued documents with the AI</source>
        <translation>Wartende Dokumente mit der KI lesen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Export a summary for your doctor (Ctrl+E)</source>
        <translation>Eine Zusammenfassung für den Arztbesuch exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Durchsehen</translation>
    </message>
    <message>
        <source>Review the selected document (Enter)</source>
        <translation>Das ausgewählte Dokument durchsehen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut lesen</translation>
    </message>
    <message>
        <source>Read the selected document again</source>
        <translation>Das ausgewählte Dokument erneut lesen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected document (Delete)</source>
        <translation>Das ausgewählte Dokument löschen (Entf)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Empty library</source>
        <translation>Noch keine Dokumente</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Dokumente importieren</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Dokumente ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Dokument löschen</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>„{name}“ löschen?</translation>
    </message>
    <message>
        <source>Its pages, everything read from it and your review of it are removed from this computer for good. This cannot be undone.</source>
        <translation>Die Seiten des Dokuments, alles daraus Gelesene und Ihre Durchsicht werden endgültig von diesem Computer entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Endgültig löschen</translation>
    </message>
</context>
</TS>
