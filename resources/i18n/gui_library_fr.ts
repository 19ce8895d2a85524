<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture en cours</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À relire</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Relu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>imported {date}</source>
        <translation>importé le {date}</translation>
    </message>
    <message numerus="yes">
        <source>Reading (page {page} of %n)</source>
        <translation>
            <numerusform>Lecture en cours (page {page} sur %n)</numerusform>
            <numerusform>Lecture en cours (page {page} sur %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Échec&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{reason} Select the document and press Retry.</source>
        <translation>{reason} Sélectionnez le document et cliquez sur «&#xa0;Réessayer&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PDF summary, to read or print</source>
        <translation>Résumé PDF, à lire ou à imprimer</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>FHIR R4, for a clinic&apos;s computer system</source>
        <translation>FHIR R4, pour le logiciel d&apos;un cabinet ou d&apos;un hôpital</translation>
    </message>
    <message>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV table, for a spreadsheet</source>
        <translation>Tableau CSV, pour un tableur</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown, plain text</source>
        <translation>Markdown, texte brut</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Fichiers Markdown (*.md)</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Enregistrer l&apos;export</translation>
    </message>
    <message>
        <source>Export for your doctor</source>
        <translation>Exporter pour votre médecin</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Format d&apos;export</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>Documents dated from</source>
        <translation>Documents datés du</translation>
    </message>
    <message numerus="yes">
        <source>The %n document(s) selected in the library</source>
        <translation>
            <numerusform>%n document sélectionné dans la liste</numerusform>
            <numerusform>%n documents sélectionnés dans la liste</numerusform>
        </translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Also include values I have not reviewed yet</source>
        <translation>Inclure aussi les valeurs que je n&apos;ai pas encore relues</translation>
    </message>
    <message>
        <source>Values you have not reviewed may be wrong: the AI can misread a document. In the file they are not marked as confirmed.</source>
        <translation>Les valeurs que vous n&apos;avez pas relues peuvent être fausses&#xa0;: l&apos;IA peut mal lire un document. Dans le fichier, elles ne sont pas marquées comme confirmées.</translation>
    </message>
    <message>
        <source>The export is not encrypted</source>
        <translation>L&apos;export n&apos;est pas chiffré</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l&apos;export</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <source>to</source>
        <comment>between two dates</comment>
        <translation>au</translation>
    </message>
    <message>
        <source>Which documents:</source>
        <translation>Quels documents&#xa0;:</translation>
    </message>
    <message>
        <source>Writing the export…</source>
        <translation>Écriture de l&apos;export…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n value(s) to {path}. It is not encrypted: keep it safe.</source>
        <translation>
            <numerusform>%n valeur enregistrée dans {path}. Le fichier n&apos;est pas chiffré&#xa0;: conservez-le en lieu sûr.</numerusform>
            <numerusform>%n valeurs enregistrées dans {path}. Le fichier n&apos;est pas chiffré&#xa0;: conservez-le en lieu sûr.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export annulé&#xa0;; aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ExtractionPanel</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}&#xa0;min {seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}&#xa0;h {minutes}&#xa0;min</translation>
    </message>
    <message>
        <source>Reading documents</source>
        <translation>Lecture des documents</translation>
    </message>
    <message>
        <source>Reading your documents</source>
        <translation>Lecture de vos documents</translation>
    </message>
    <message>
        <source>Document progress</source>
        <translation>Progression des documents</translation>
    </message>
    <message>
        <source>Documents read</source>
        <translation>Documents lus</translation>
    </message>
    <message>
        <source>Page progress</source>
        <translation>Progression des pages</translation>
    </message>
    <message>
        <source>Pages read</source>
        <translation>Pages lues</translation>
    </message>
    <message>
        <source>Tokens and time</source>
        <translation>Jetons et durée</translation>
    </message>
    <message>
        <source>Result of reading</source>
        <translation>Résultat de la lecture</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation>Annuler la lecture</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close reading panel</source>
        <translation>Fermer le panneau de lecture</translation>
    </message>
    <message>
        <source>Starting the AI engine…</source>
        <translation>Démarrage du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation>Arrêt après cette étape…</translation>
    </message>
    <message numerus="yes">
        <source>Document {number} of %n</source>
        <translation>
            <numerusform>Document {number} sur %n</numerusform>
            <numerusform>Document {number} sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading page {page} of %n</source>
        <translation>
            <numerusform>Lecture de la page {page} sur %n</numerusform>
            <numerusform>Lecture de la page {page} sur %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n document(s)</source>
        <translation>
            <numerusform>%v sur %n document</numerusform>
            <numerusform>%v sur %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%v of %n page(s)</source>
        <translation>
            <numerusform>%v sur %n page</numerusform>
            <numerusform>%v sur %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) read</source>
        <translation>
            <numerusform>%Ln jeton lu</numerusform>
            <numerusform>%Ln jetons lus</numerusform>
        </translation>
    </message>
    <message>
        <source>{duration} on this document</source>
        <translation>{duration} sur ce document</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>encore environ {duration}</translation>
    </message>
    <message>
        <source>Reading could not start</source>
        <translation>La lecture n&apos;a pas pu démarrer</translation>
    </message>
    <message>
        <source>Your documents stay queued.</source>
        <translation>Vos documents restent en attente.</translation>
    </message>
    <message>
        <source>Reading stopped</source>
        <translation>Lecture arrêtée</translation>
    </message>
    <message>
        <source>You cancelled. Documents not read yet stay queued.</source>
        <translation>Vous avez annulé. Les documents pas encore lus restent en attente.</translation>
    </message>
    <message>
        <source>Reading finished</source>
        <translation>Lecture terminée</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) read; check the values in Review.</source>
        <translation>
            <numerusform>%n document lu&#xa0;; vérifiez les valeurs avec «&#xa0;Relire&#xa0;».</numerusform>
            <numerusform>%n documents lus&#xa0;; vérifiez les valeurs avec «&#xa0;Relire&#xa0;».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see the Status column; Retry is possible).</source>
        <translation>
            <numerusform>%n document n&apos;a pas pu être lu (voir la colonne «&#xa0;Statut&#xa0;»&#xa0;; «&#xa0;Réessayer&#xa0;» permet une nouvelle tentative).</numerusform>
            <numerusform>%n documents n&apos;ont pas pu être lus (voir la colonne «&#xa0;Statut&#xa0;»&#xa0;; «&#xa0;Réessayer&#xa0;» permet une nouvelle tentative).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>Details without any of your data were written to the log.</source>
        <translation>Les détails, sans aucune de vos données, ont été écrits dans le journal.</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d&apos;erreur</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>This PDF is protected by a password, and none was given.</source>
        <translation>Ce PDF est protégé par un mot de passe, et aucun n&apos;a été saisi.</translation>
    </message>
    <message>
        <source>Please wait: the previous import is still running.</source>
        <translation>Veuillez patienter&#xa0;: l&apos;importation précédente est encore en cours.</translation>
    </message>
    <message>
        <source>That password did not open it. “{name}” is protected by a password. Type it to import the file (Coheara does not keep the password).</source>
        <translation>Ce mot de passe n&apos;a pas ouvert le fichier. «&#xa0;{name}&#xa0;» est protégé par un mot de passe. Saisissez-le pour importer le fichier (Coheara ne conserve pas le mot de passe).</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password. Type it to import the file (Coheara does not keep the password).</source>
        <translation>«&#xa0;{name}&#xa0;» est protégé par un mot de passe. Saisissez-le pour importer le fichier (Coheara ne conserve pas le mot de passe).</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Mot de passe requis</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Import progress</source>
        <translation>Progression de l&apos;importation</translation>
    </message>
    <message>
        <source>Import step</source>
        <translation>Étape de l&apos;importation</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Fichiers importés</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l&apos;importation</translation>
    </message>
    <message numerus="yes">
        <source>Importing file 1 of %n</source>
        <translation>
            <numerusform>Importation du fichier 1 sur %n</numerusform>
            <numerusform>Importation du fichier 1 sur %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <source>Import results</source>
        <translation>Résultats de l&apos;importation</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear import results</source>
        <translation>Effacer les résultats de l&apos;importation</translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); it will be read by the AI next.</source>
        <translation>
            <numerusform>{name} — Importé (%n page)&#xa0;; l&apos;IA le lira ensuite.</numerusform>
            <numerusform>{name} — Importé (%n pages)&#xa0;; l&apos;IA le lira ensuite.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in your vault.</source>
        <translation>Déjà dans votre coffre-fort.</translation>
    </message>
    <message>
        <source>{name} — Not imported: {reason}</source>
        <translation>{name} — Non importé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{name} — Not imported: this file could not be read.</source>
        <translation>{name} — Non importé&#xa0;: ce fichier n&apos;a pas pu être lu.</translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)) and read: ready for your review.</source>
        <translation>
            <numerusform>{name} — Importé (%n page) et lu&#xa0;: prêt pour votre relecture.</numerusform>
            <numerusform>{name} — Importé (%n pages) et lu&#xa0;: prêt pour votre relecture.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} — Imported (%n page(s)); the AI could not read it: {reason}</source>
        <translation>
            <numerusform>{name} — Importé (%n page)&#xa0;; l&apos;IA n&apos;a pas pu le lire&#xa0;: {reason}</numerusform>
            <numerusform>{name} — Importé (%n pages)&#xa0;; l&apos;IA n&apos;a pas pu le lire&#xa0;: {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Your library is empty.

Drop photos or PDFs of your medical documents anywhere in this window,
or choose “Import files…” (Ctrl+O).</source>
        <translation>Vous n&apos;avez encore aucun document.

Déposez des photos ou des PDF de vos documents médicaux n&apos;importe où dans cette fenêtre,
ou choisissez «&#xa0;Importer des fichiers…&#xa0;» (Ctrl+O).</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import files (Ctrl+O)</source>
        <translation>Importer des fichiers (Ctrl+O)</translation>
    </message>
    <message>
        <source>Read queued documents</source>
        <translation>Lancer la lecture</translation>
    </message>
    <message>
        <source>Read queued documents with the AI</source>
        <translation>Lire avec l&apos;IA les documents en attente</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export a summary for your doctor (Ctrl+E)</source>
        <translation>Exporter un résumé pour votre médecin (Ctrl+E)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Relire</translation>
    </message>
    <message>
        <source>Review the selected document (Enter)</source>
        <translation>Relire le document sélectionné (Entrée)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Read the selected document again</source>
        <translation>Faire lire à nouveau le document sélectionné</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected document (Delete)</source>
        <translation>Supprimer le document sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Empty library</source>
        <translation>Aucun document</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Documents ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Supprimer le document</translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Supprimer «&#xa0;{name}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Its pages, everything read from it and your review of it are removed from this computer for good. This cannot be undone.</source>
        <translation>Ses pages, tout ce qui en a été lu et votre relecture sont définitivement supprimés de cet ordinateur. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Supprimer définitivement</translation>
    </message>
</context>
</TS>
