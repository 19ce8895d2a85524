<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AddItemDialog</name>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>Type the values as printed on the page.</source>
        <translation>Geben Sie die Werte so ein, wie sie auf der Seite stehen.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a medication</source>
        <translation>Medikament hinzufügen</translation>
    </message>
    <message>
        <source>Add a lab result</source>
        <translation>Laborwert hinzufügen</translation>
    </message>
    <message>
        <source>Add a diagnosis</source>
        <translation>Diagnose hinzufügen</translation>
    </message>
    <message>
        <source>Add an allergy</source>
        <translation>Allergie hinzufügen</translation>
    </message>
    <message>
        <source>Add a procedure</source>
        <translation>Eingriff oder Untersuchung hinzufügen</translation>
    </message>
    <message>
        <source>Add a referral</source>
        <translation>Überweisung hinzufügen</translation>
    </message>
    <message>
        <source>Add an instruction</source>
        <translation>Hinweis hinzufügen</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Values here were read by an AI model and may be wrong: check them against the original.</source>
        <translation>Diese Werte hat ein KI-Modell ausgelesen, sie können falsch sein: Vergleichen Sie sie mit dem Original.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Implausible</source>
        <translation>Unplausibel</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Found in the document&apos;s text.</source>
        <translation>Steht so im Text des Dokuments.</translation>
    </message>
    <message>
        <source>Not printed so in its place in the document&apos;s text: check it against the page.</source>
        <translation>Steht an dieser Stelle nicht so im Text des Dokuments: Vergleichen Sie den Wert mit der Seite.</translation>
    </message>
    <message>
        <source>This value looks impossible: check it against the page and correct it.</source>
        <translation>Dieser Wert scheint unmöglich: Vergleichen Sie ihn mit der Seite und korrigieren Sie ihn.</translation>
    </message>
    <message>
        <source>You changed this value. Confirm it once it matches the page.</source>
        <translation>Sie haben diesen Wert geändert. Bestätigen Sie ihn, sobald er mit der Seite übereinstimmt.</translation>
    </message>
    <message>
        <source>You checked this value and confirmed it.</source>
        <translation>Sie haben diesen Wert geprüft und bestätigt.</translation>
    </message>
    <message>
        <source>AI caution</source>
        <translation>KI-Hinweis</translation>
    </message>
</context>
<context>
    <name>DomainTabs</name>
    <message>
        <source>{domain} found in this document</source>
        <translation>{domain} in diesem Dokument</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>Medikament</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Wie oft</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
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
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Überwiesen an</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Eingriff/Untersuchung</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Marked reviewed</source>
        <translation>Als durchgesehen markiert</translation>
    </message>
    <message>
        <source>Marked as needing review</source>
        <translation>Als nicht durchgesehen markiert</translation>
    </message>
    <message>
        <source>Reversed: changed {when}</source>
        <translation>Rückgängig gemacht: Änderung vom {when}</translation>
    </message>
    <message>
        <source>Reversed: added {when}</source>
        <translation>Rückgängig gemacht: Hinzufügen vom {when}</translation>
    </message>
    <message>
        <source>Reversed: deleted {when}</source>
        <translation>Rückgängig gemacht: Löschen vom {when}</translation>
    </message>
    <message>
        <source>Reversed: confirmed {when}</source>
        <translation>Rückgängig gemacht: Bestätigung vom {when}</translation>
    </message>
    <message>
        <source>Reversed: the change of {when}</source>
        <translation>Rückgängig gemacht: Änderung vom {when}</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>Das ganze Dokument</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>“{value}”</source>
        <translation>„{value}“</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Changes to this document</source>
        <translation>Änderungen an diesem Dokument</translation>
    </message>
    <message>
        <source>Every change is kept with its time, and what the AI model first read is never lost. Undo (Ctrl+Z) reverses the newest change.</source>
        <translation>Jede Änderung wird mit ihrer Uhrzeit aufbewahrt, und was das KI-Modell ursprünglich ausgelesen hat, geht nie verloren. „Rückgängig“ (Strg+Z) nimmt die neueste Änderung zurück.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Verlauf der Änderungen</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Noch keine Änderungen.</translation>
    </message>
    <message>
        <source>{action} (undone)</source>
        <translation>{action} (zurückgenommen)</translation>
    </message>
</context>
<context>
    <name>ItemsTableModel</name>
    <message>
        <source>Not found in the document&apos;s text: check it against the page.</source>
        <translation>Nicht im Text des Dokuments gefunden: Vergleichen Sie den Wert mit der Seite.</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <source>Loading the page…</source>
        <translation>Die Seite wird geladen…</translation>
    </message>
    <message>
        <source>This page could not be shown.</source>
        <translation>Diese Seite kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page image</source>
        <translation>Bild der Seite</translation>
    </message>
    <message>
        <source>Drag to move the page; Ctrl + mouse wheel to zoom.</source>
        <translation>Ziehen verschiebt die Seite; Strg + Mausrad zoomt.</translation>
    </message>
</context>
<context>
    <name>PageViewerPanel</name>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Show the previous page (Alt+Left)</source>
        <translation>Vorherige Seite anzeigen (Alt+Links)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Show the next page (Alt+Right)</source>
        <translation>Nächste Seite anzeigen (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>Verkleinern (Strg+Minus)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>Vergrößern (Strg+Plus)</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>Fit the whole page</source>
        <translation>Ganze Seite einpassen</translation>
    </message>
    <message>
        <source>Show the whole page (Ctrl+0)</source>
        <translation>Die ganze Seite anzeigen (Strg+0)</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>Seitenbreite</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>Auf Seitenbreite einpassen</translation>
    </message>
    <message>
        <source>Fill the width with the page (Ctrl+9)</source>
        <translation>Die Seite auf die ganze Breite vergrößern (Strg+9)</translation>
    </message>
    <message>
        <source>Page status</source>
        <translation>Status der Seite</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>Keine Seite</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Seite {page} von {count}</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>Wert hinzufügen</translation>
    </message>
    <message>
        <source>Add a value the AI model missed</source>
        <translation>Einen Wert hinzufügen, den das KI-Modell übersehen hat</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected values (Delete key)</source>
        <translation>Die ausgewählten Werte löschen (Entf-Taste)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Die letzte Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>Auswahl bestätigen</translation>
    </message>
    <message>
        <source>Confirm the selected values match the page</source>
        <translation>Bestätigen, dass die ausgewählten Werte mit der Seite übereinstimmen</translation>
    </message>
    <message>
        <source>Confirm verified on this tab</source>
        <translation>Geprüfte hier bestätigen</translation>
    </message>
    <message>
        <source>Confirm the verified values of this tab on the page shown</source>
        <translation>Die geprüften Werte dieses Reiters auf der angezeigten Seite bestätigen</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>Show every change made to this document</source>
        <translation>Alle Änderungen an diesem Dokument anzeigen</translation>
    </message>
    <message>
        <source>Saved. The old value is kept in the history; Undo (Ctrl+Z) brings it back.</source>
        <translation>Gespeichert. Der alte Wert bleibt im Verlauf; „Rückgängig“ (Strg+Z) stellt ihn wieder her.</translation>
    </message>
    <message>
        <source>Added. It is marked “edited” until you confirm it.</source>
        <translation>Hinzugefügt. Der Wert ist als „bearbeitet“ gekennzeichnet, bis Sie ihn bestätigen.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n value(s). Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>%n Wert gelöscht. „Rückgängig“ (Strg+Z) stellt ihn wieder her.</numerusform>
            <numerusform>%n Werte gelöscht. „Rückgängig“ (Strg+Z) stellt sie wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Rückgängig gemacht.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s).</source>
        <translation>
            <numerusform>%n Wert bestätigt.</numerusform>
            <numerusform>%n Werte bestätigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No verified values to confirm in {domain} on page {page}.</source>
        <translation>{domain}, Seite {page}: keine geprüften Werte zum Bestätigen.</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s) of {domain} on page {page}, each printed so on the page.</source>
        <translation>
            <numerusform>{domain}, Seite {page}: %n Wert bestätigt, er steht genau so auf der Seite.</numerusform>
            <numerusform>{domain}, Seite {page}: %n Werte bestätigt, jeder steht genau so auf der Seite.</numerusform>
        </translation>
    </message>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} und %n weiterer</numerusform>
            <numerusform>{names} und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed, check these one by one: {names}.</source>
        <translation>
            <numerusform>Nicht bestätigt, bitte einzeln prüfen: {names}.</numerusform>
            <numerusform>Nicht bestätigt, bitte einzeln prüfen: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as reviewed.</source>
        <translation>Als durchgesehen markiert.</translation>
    </message>
    <message>
        <source>Marked as needing review.</source>
        <translation>Als nicht durchgesehen markiert.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Waiting to be read</source>
        <translation>Wartet auf das Auslesen</translation>
    </message>
    <message>
        <source>Being read</source>
        <translation>Wird ausgelesen</translation>
    </message>
    <message>
        <source>Needs your review</source>
        <translation>Bitte durchsehen</translation>
    </message>
    <message>
        <source>Reviewed ✓</source>
        <translation>Durchgesehen ✓</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Konnte nicht ausgelesen werden</translation>
    </message>
    <message>
        <source>Select a row to see where it is on the page. Double-click a cell (or press F2) to correct it.</source>
        <translation>Wählen Sie eine Zeile, um zu sehen, wo sie auf der Seite steht. Doppelklicken Sie auf eine Zelle (oder drücken Sie F2), um sie zu korrigieren.</translation>
    </message>
    <message>
        <source>Document name</source>
        <translation>Name des Dokuments</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Angaben zum Dokument</translation>
    </message>
    <message>
        <source>What the checks noticed about this document</source>
        <translation>Was die Prüfung an diesem Dokument bemerkt hat</translation>
    </message>
    <message>
        <source>Mark document reviewed</source>
        <translation>Als durchgesehen markieren</translation>
    </message>
    <message>
        <source>Mark this document as reviewed once every value is checked</source>
        <translation>Markieren Sie dieses Dokument als durchgesehen, sobald Sie jeden Wert geprüft haben</translation>
    </message>
    <message>
        <source>No values were found on this document. Use “Add” to type one in.</source>
        <translation>In diesem Dokument wurden keine Werte gefunden. Mit „Hinzufügen“ können Sie selbst einen eingeben.</translation>
    </message>
    <message>
        <source>About the selected value</source>
        <translation>Zum ausgewählten Wert</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>Choose a document in your library to review it.</source>
        <translation>Wählen Sie unter „Dokumente“ ein Dokument aus, um es durchzusehen.</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Kein Dokument geöffnet</translation>
    </message>
    <message>
        <source>That document is no longer in your vault.</source>
        <translation>Dieses Dokument ist nicht mehr in Ihrem Tresor.</translation>
    </message>
    <message>
        <source>Note: {notes}</source>
        <translation>Hinweis: {notes}</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>Erneut durchsehen</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s)</source>
        <translation>
            <numerusform>%n Wert</numerusform>
            <numerusform>%n Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) selected.</source>
        <translation>
            <numerusform>%n Wert ausgewählt.</numerusform>
            <numerusform>%n Werte ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>{field} “{value}”</source>
        <translation>{field} „{value}“</translation>
    </message>
    <message>
        <source>{badge}: {explanation}</source>
        <translation>{badge}: {explanation}</translation>
    </message>
    <message>
        <source>Not found in the page&apos;s text: {values}.</source>
        <translation>Nicht im Text der Seite gefunden: {values}.</translation>
    </message>
    <message>
        <source>None of its values were found in the page&apos;s text.</source>
        <translation>Keiner seiner Werte wurde im Text der Seite gefunden.</translation>
    </message>
</context>
</TS>
