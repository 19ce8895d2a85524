<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AddItemDialog</name>
    <message>
        <source>{field}:</source>
        <translation>{field} :</translation>
    </message>
    <message>
        <source>Type the values as printed on the page.</source>
        <translation>Saisissez les valeurs telles qu&apos;elles figurent sur la page.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a medication</source>
        <translation>Ajouter un médicament</translation>
    </message>
    <message>
        <source>Add a lab result</source>
        <translation>Ajouter un résultat d&apos;analyse</translation>
    </message>
    <message>
        <source>Add a diagnosis</source>
        <translation>Ajouter un diagnostic</translation>
    </message>
    <message>
        <source>Add an allergy</source>
        <translation>Ajouter une allergie</translation>
    </message>
    <message>
        <source>Add a procedure</source>
        <translation>Ajouter un acte ou un examen</translation>
    </message>
    <message>
        <source>Add a referral</source>
        <translation>Ajouter une orientation</translation>
    </message>
    <message>
        <source>Add an instruction</source>
        <translation>Ajouter une consigne</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <source>Values here were read by an AI model and may be wrong: check them against the original.</source>
        <translation>Ces valeurs ont été lues par un modèle d&apos;IA et peuvent être erronées : comparez-les avec l&apos;original.</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Non vérifiée</translation>
    </message>
    <message>
        <source>Implausible</source>
        <translation>Invraisemblable</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Found in the document&apos;s text.</source>
        <translation>Figure telle quelle dans le texte du document.</translation>
    </message>
    <message>
        <source>Not printed so in its place in the document&apos;s text: check it against the page.</source>
        <translation>Ne figure pas ainsi à cet endroit dans le texte du document : comparez-la avec la page.</translation>
    </message>
    <message>
        <source>This value looks impossible: check it against the page and correct it.</source>
        <translation>Cette valeur semble impossible : comparez-la avec la page et corrigez-la.</translation>
    </message>
    <message>
        <source>You changed this value. Confirm it once it matches the page.</source>
        <translation>Vous avez modifié cette valeur. Confirmez-la dès qu&apos;elle correspond à la page.</translation>
    </message>
    <message>
        <source>You checked this value and confirmed it.</source>
        <translation>Vous avez vérifié cette valeur et l&apos;avez confirmée.</translation>
    </message>
    <message>
        <source>AI caution</source>
        <translation>Avertissement sur l&apos;IA</translation>
    </message>
</context>
<context>
    <name>DomainTabs</name>
    <message>
        <source>{domain} found in this document</source>
        <translation>{domain} de ce document</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Dosage</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>Mode de prise</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Valeurs de référence</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Réaction</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Adressé à</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Acte ou examen</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Consigne</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Marked reviewed</source>
        <translation>Marqué comme relu</translation>
    </message>
    <message>
        <source>Marked as needing review</source>
        <translation>Marqué comme à relire</translation>
    </message>
    <message>
        <source>Reversed: changed {when}</source>
        <translation>Annulé : modification du {when}</translation>
    </message>
    <message>
        <source>Reversed: added {when}</source>
        <translation>Annulé : ajout du {when}</translation>
    </message>
    <message>
        <source>Reversed: deleted {when}</source>
        <translation>Annulé : suppression du {when}</translation>
    </message>
    <message>
        <source>Reversed: confirmed {when}</source>
        <translation>Annulé : confirmation du {when}</translation>
    </message>
    <message>
        <source>Reversed: the change of {when}</source>
        <translation>Annulé : modification du {when}</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>Tout le document</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>“{value}”</source>
        <translation>« {value} »</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field} : {value}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Changes to this document</source>
        <translation>Modifications de ce document</translation>
    </message>
    <message>
        <source>Every change is kept with its time, and what the AI model first read is never lost. Undo (Ctrl+Z) reverses the newest change.</source>
        <translation>Chaque modification est conservée avec son heure, et ce que le modèle d&apos;IA a lu en premier n&apos;est jamais perdu. « Annuler » (Ctrl+Z) défait la modification la plus récente.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>No changes yet.</source>
        <translation>Aucune modification pour l&apos;instant.</translation>
    </message>
    <message>
        <source>{action} (undone)</source>
        <translation>{action} (annulée)</translation>
    </message>
</context>
<context>
    <name>ItemsTableModel</name>
    <message>
        <source>Not found in the document&apos;s text: check it against the page.</source>
        <translation>Introuvable dans le texte du document : comparez-la avec la page.</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <source>Loading the page…</source>
        <translation>Chargement de la page…</translation>
    </message>
    <message>
        <source>This page could not be shown.</source>
        <translation>Impossible d&apos;afficher cette page.</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page image</source>
        <translation>Image de la page</translation>
    </message>
    <message>
        <source>Drag to move the page; Ctrl + mouse wheel to zoom.</source>
        <translation>Faites glisser pour déplacer la page ; Ctrl + molette pour zoomer.</translation>
    </message>
</context>
<context>
    <name>PageViewerPanel</name>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Show the previous page (Alt+Left)</source>
        <translation>Afficher la page précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Show the next page (Alt+Right)</source>
        <translation>Afficher la page suivante (Alt+Droite)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>Zoom arrière (Ctrl+moins)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>Zoom avant (Ctrl+plus)</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Page entière</translation>
    </message>
    <message>
        <source>Fit the whole page</source>
        <translation>Afficher la page entière</translation>
    </message>
    <message>
        <source>Show the whole page (Ctrl+0)</source>
        <translation>Afficher toute la page (Ctrl+0)</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Fit the page width</source>
        <translation>Ajuster à la largeur de la page</translation>
    </message>
    <message>
        <source>Fill the width with the page (Ctrl+9)</source>
        <translation>Ajuster la page à toute la largeur (Ctrl+9)</translation>
    </message>
    <message>
        <source>Page status</source>
        <translation>État de la page</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>Aucune page</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Page {page} sur {count}</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>Ajouter une valeur</translation>
    </message>
    <message>
        <source>Add a value the AI model missed</source>
        <translation>Ajouter une valeur que le modèle d&apos;IA n&apos;a pas lue</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected values (Delete key)</source>
        <translation>Supprimer les valeurs sélectionnées (touche Suppr)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Annuler la dernière modification (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Confirm selected</source>
        <translation>Confirmer la sélection</translation>
    </message>
    <message>
        <source>Confirm the selected values match the page</source>
        <translation>Confirmer que les valeurs sélectionnées correspondent à la page</translation>
    </message>
    <message>
        <source>Confirm verified on this tab</source>
        <translation>Confirmer les vérifiées</translation>
    </message>
    <message>
        <source>Confirm the verified values of this tab on the page shown</source>
        <translation>Confirmer les valeurs vérifiées de cet onglet sur la page affichée</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>Show every change made to this document</source>
        <translation>Afficher toutes les modifications de ce document</translation>
    </message>
    <message>
        <source>Saved. The old value is kept in the history; Undo (Ctrl+Z) brings it back.</source>
        <translation>Enregistré. L&apos;ancienne valeur est conservée dans l&apos;historique ; « Annuler » (Ctrl+Z) la rétablit.</translation>
    </message>
    <message>
        <source>Added. It is marked “edited” until you confirm it.</source>
        <translation>Ajoutée. Elle reste marquée « modifiée » jusqu&apos;à ce que vous la confirmiez.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n value(s). Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>%n valeur supprimée. « Annuler » (Ctrl+Z) la rétablit.</numerusform>
            <numerusform>%n valeurs supprimées. « Annuler » (Ctrl+Z) les rétablit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Il n&apos;y a rien à annuler.</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s).</source>
        <translation>
            <numerusform>%n valeur confirmée.</numerusform>
            <numerusform>%n valeurs confirmées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No verified values to confirm in {domain} on page {page}.</source>
        <translation>{domain}, page {page} : aucune valeur vérifiée à confirmer.</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n value(s) of {domain} on page {page}, each printed so on the page.</source>
        <translation>
            <numerusform>{domain}, page {page} : %n valeur confirmée, imprimée telle quelle sur la page.</numerusform>
            <numerusform>{domain}, page {page} : %n valeurs confirmées, chacune imprimée telle quelle sur la page.</numerusform>
        </translation>
    </message>
    <message>
        <source>a value</source>
        <translation>une valeur</translation>
    </message>
    <message numerus="yes">
        <source>{names} and %n more</source>
        <translation>
            <numerusform>{names} et %n autre</numerusform>
            <numerusform>{names} et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not confirmed, check these one by one: {names}.</source>
        <translation>
            <numerusform>Non confirmée, à vérifier vous-même : {names}.</numerusform>
            <numerusform>Non confirmées, à vérifier une par une : {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as reviewed.</source>
        <translation>Marqué comme relu.</translation>
    </message>
    <message>
        <source>Marked as needing review.</source>
        <translation>Marqué comme à relire.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Waiting to be read</source>
        <translation>En attente de lecture</translation>
    </message>
    <message>
        <source>Being read</source>
        <translation>Lecture en cours</translation>
    </message>
    <message>
        <source>Needs your review</source>
        <translation>À relire</translation>
    </message>
    <message>
        <source>Reviewed ✓</source>
        <translation>Relu ✓</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Lecture impossible</translation>
    </message>
    <message>
        <source>Select a row to see where it is on the page. Double-click a cell (or press F2) to correct it.</source>
        <translation>Sélectionnez une ligne pour voir où elle se trouve sur la page. Double-cliquez sur une cellule (ou appuyez sur F2) pour la corriger.</translation>
    </message>
    <message>
        <source>Document name</source>
        <translation>Nom du document</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Informations sur le document</translation>
    </message>
    <message>
        <source>What the checks noticed about this document</source>
        <translation>Ce que les contrôles ont relevé sur ce document</translation>
    </message>
    <message>
        <source>Mark document reviewed</source>
        <translation>Marquer comme relu</translation>
    </message>
    <message>
        <source>Mark this document as reviewed once every value is checked</source>
        <translation>Marquez ce document comme relu une fois chaque valeur vérifiée</translation>
    </message>
    <message>
        <source>No values were found on this document. Use “Add” to type one in.</source>
        <translation>Aucune valeur n&apos;a été trouvée dans ce document. Utilisez « Ajouter » pour en saisir une.</translation>
    </message>
    <message>
        <source>About the selected value</source>
        <translation>À propos de la valeur sélectionnée</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Choose a document in your library to review it.</source>
        <translation>Choisissez un document dans « Documents » pour le relire.</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Aucun document ouvert</translation>
    </message>
    <message>
        <source>That document is no longer in your vault.</source>
        <translation>Ce document n&apos;est plus dans votre coffre-fort.</translation>
    </message>
    <message>
        <source>Note: {notes}</source>
        <translation>Remarque : {notes}</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>Relire à nouveau</translation>
    </message>
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
            <numerusform>%n valeur</numerusform>
            <numerusform>%n valeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) selected.</source>
        <translation>
            <numerusform>%n valeur sélectionnée.</numerusform>
            <numerusform>%n valeurs sélectionnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>{field} “{value}”</source>
        <translation>{field} « {value} »</translation>
    </message>
    <message>
        <source>{badge}: {explanation}</source>
        <translation>{badge} : {explanation}</translation>
    </message>
    <message>
        <source>Not found in the page&apos;s text: {values}.</source>
        <translation>Introuvable dans le texte de la page : {values}.</translation>
    </message>
    <message>
        <source>None of its values were found in the page&apos;s text.</source>
        <translation>Aucune de ses valeurs n&apos;a été trouvée dans le texte de la page.</translation>
    </message>
</context>
</TS>
