<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnalyteListModel</name>
    <message>
        <source>no unit</source>
        <translation>sans unité</translation>
    </message>
    <message numerus="yes">
        <source>{test}: %n results ({units})</source>
        <translation>
            <numerusform>{test}&#xa0;: %n résultat ({units})</numerusform>
            <numerusform>{test}&#xa0;: %n résultats ({units})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartWords</name>
    <message>
        <source>No value with a number and a date to draw.</source>
        <translation>Aucune valeur avec un nombre et une date à afficher.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>{values}, {span}; latest {latest}; {out_of_range}.</source>
        <extracomment>values: &quot;3 values&quot;; span: one date or &quot;12 Mar 2024 to 2 Jun 2025&quot;; latest: &quot;6.2 % (high)&quot;; out_of_range: &quot;2 out of range&quot;.</extracomment>
        <translation>{values}, {span}&#xa0;; dernière valeur {latest}&#xa0;; {out_of_range}.</translation>
    </message>
    <message numerus="yes">
        <source>%n values</source>
        <translation>
            <numerusform>%n valeur</numerusform>
            <numerusform>%n valeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of range</source>
        <translation>
            <numerusform>%n hors norme</numerusform>
            <numerusform>%n hors norme</numerusform>
        </translation>
    </message>
    <message>
        <source>Reference range {range}.</source>
        <translation>Valeurs de référence&#xa0;: {range}.</translation>
    </message>
    <message numerus="yes">
        <source>%n without a number or date are only in the table.</source>
        <translation>
            <numerusform>%n valeur sans nombre ou sans date figure seulement dans le tableau.</numerusform>
            <numerusform>%n valeurs sans nombre ou sans date figurent seulement dans le tableau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthTables</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Medication</source>
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
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>From document</source>
        <translation>Document source</translation>
    </message>
    <message>
        <source>Listed the same in:</source>
        <translation>Mentionné à l&apos;identique dans&#xa0;:</translation>
    </message>
    <message>
        <source>Listed in:</source>
        <translation>Mentionné dans&#xa0;:</translation>
    </message>
    <message>
        <source>Click to open the newest of them and check the line against the page.</source>
        <translation>Cliquez pour ouvrir le plus récent et comparer la ligne avec la page.</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Not seen since</source>
        <translation>Dernière mention</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Arrêté le</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Résultat</translation>
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
        <translation>Niveau</translation>
    </message>
</context>
<context>
    <name>HealthWords</name>
    <message numerus="yes">
        <source>{document} and %n earlier</source>
        <extracomment>document: type, date, issuer and file of the newest document listing the line; %n older documents list it the same.</extracomment>
        <translation>
            <numerusform>{document} et %n plus ancien</numerusform>
            <numerusform>{document} et %n plus anciens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabChart</name>
    <message>
        <source>In range</source>
        <translation>Dans les valeurs de référence</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Hors norme</translation>
    </message>
    <message>
        <source>Trend of {test} in {unit}</source>
        <translation>Évolution&#xa0;: {test} en {unit}</translation>
    </message>
    <message>
        <source>no unit</source>
        <translation>sans unité</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Reference range (differs between labs)</source>
        <translation>Référence (selon le labo)</translation>
    </message>
</context>
<context>
    <name>LabValues</name>
    <message>
        <source>▲ High</source>
        <translation>▲ Élevé</translation>
    </message>
    <message>
        <source>▼ Low</source>
        <translation>▼ Bas</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>élevé</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>{value} ({flag})</source>
        <translation>{value} ({flag})</translation>
    </message>
    <message>
        <source>{value} (from {printed})</source>
        <extracomment>A value converted into the unit of its chart, then the value and unit printed on the page.</extracomment>
        <translation>{value} (converti de {printed})</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <source>{test}, {date}: {value}</source>
        <translation>{test}, {date}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Reference range: {range}</source>
        <translation>Valeurs de référence&#xa0;: {range}</translation>
    </message>
    <message>
        <source>Converted from {unit}: the page shows {printed}.</source>
        <translation>Converti depuis {unit}&#xa0;: la page indique {printed}.</translation>
    </message>
    <message>
        <source>From: {document}</source>
        <translation>Source&#xa0;: {document}</translation>
    </message>
</context>
<context>
    <name>LabsView</name>
    <message>
        <source>No lab results yet. They appear here once your lab reports have been read.</source>
        <translation>Pas encore de résultats d&apos;analyses. Ils apparaîtront ici une fois vos comptes rendus d&apos;analyses lus.</translation>
    </message>
    <message>
        <source>These values use units that cannot be converted into each other, so each unit has its own chart.</source>
        <translation>Ces valeurs sont exprimées dans des unités qui ne se convertissent pas l&apos;une en l&apos;autre&#xa0;: chaque unité a donc son propre graphique.</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Pick a test on the left to see its trend.</source>
        <translation>Choisissez une analyse à gauche pour voir son évolution.</translation>
    </message>
    <message>
        <source>Filter by test, value, date or document…</source>
        <translation>Filtrer par analyse, résultat, date ou document…</translation>
    </message>
    <message>
        <source>Filter lab values</source>
        <translation>Filtrer les résultats d&apos;analyses</translation>
    </message>
    <message>
        <source>Out of range only</source>
        <translation>Hors norme seulement</translation>
    </message>
    <message>
        <source>Show only values out of range</source>
        <translation>Afficher seulement les valeurs hors des valeurs de référence</translation>
    </message>
    <message>
        <source>Number of values shown</source>
        <translation>Nombre de valeurs affichées</translation>
    </message>
    <message>
        <source>All lab values</source>
        <translation>Tous les résultats d&apos;analyses</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Résultats d&apos;analyses</translation>
    </message>
    <message>
        <source>Every lab value from all your documents. Pick a test to see how it changed over time; click a document to check a value against the page.</source>
        <translation>Tous les résultats d&apos;analyses de tous vos documents. Choisissez une analyse pour voir son évolution dans le temps&#xa0;; cliquez sur un document pour comparer une valeur avec la page.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n values</source>
        <translation>
            <numerusform>{shown} sur %n valeur</numerusform>
            <numerusform>{shown} sur %n valeurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MedicationsModel</name>
    <message>
        <source>{date} (“{printed}”)</source>
        <extracomment>The date a drug was stopped and the words of the document that say so, as printed.</extracomment>
        <translation>{date} («&#xa0;{printed}&#xa0;»)</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>Inchangé</translation>
    </message>
</context>
<context>
    <name>MedicationsView</name>
    <message>
        <source>No medications yet. They appear here once your documents have been read.</source>
        <translation>Pas encore de médicaments. Ils apparaîtront ici une fois vos documents lus.</translation>
    </message>
    <message>
        <source>Stopped: the most recent document naming each of these says it was stopped.</source>
        <translation>Arrêtés&#xa0;: selon le document le plus récent qui mentionne chacun d&apos;eux, il a été arrêté.</translation>
    </message>
    <message>
        <source>Current medications</source>
        <translation>Médicaments actuels</translation>
    </message>
    <message>
        <source>Medications not seen for a long time</source>
        <translation>Médicaments non mentionnés depuis longtemps</translation>
    </message>
    <message>
        <source>Stopped medications</source>
        <translation>Médicaments arrêtés</translation>
    </message>
    <message>
        <source>History of the selected medication</source>
        <translation>Historique du médicament sélectionné</translation>
    </message>
    <message>
        <source>Not seen for a long time</source>
        <translation>Non mentionnés depuis longtemps</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtés</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Médicaments</translation>
    </message>
    <message>
        <source>Your medications from all your documents: each drug as the most recent document naming it lists it. A drug leaves this list only when a newer document says it was stopped. Select one to see its history; click a document to check it against the page.</source>
        <translation>Vos médicaments d&apos;après tous vos documents&#xa0;: chacun tel que le mentionne le document le plus récent qui le cite. Un médicament ne quitte cette liste que si un document plus récent indique qu&apos;il a été arrêté. Sélectionnez-en un pour voir son historique&#xa0;; cliquez sur un document pour le comparer avec la page.</translation>
    </message>
    <message numerus="yes">
        <source>Not seen for over %n months: no document names these in the %n months before your newest one ({date}). Ask your doctor whether you still take them.</source>
        <translation>
            <numerusform>Non mentionnés depuis plus de %n mois&#xa0;: aucun document ne les cite dans le %n mois précédant votre document le plus récent ({date}). Demandez à votre médecin si vous les prenez encore.</numerusform>
            <numerusform>Non mentionnés depuis plus de %n mois&#xa0;: aucun document ne les cite dans les %n mois précédant votre document le plus récent ({date}). Demandez à votre médecin si vous les prenez encore.</numerusform>
        </translation>
    </message>
    <message>
        <source>History of {medication}</source>
        <translation>Historique&#xa0;: {medication}</translation>
    </message>
    <message>
        <source>Select a medication to see its history.</source>
        <translation>Sélectionnez un médicament pour voir son historique.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Your vault is locked. Unlock it to see your health overview.</source>
        <translation>Votre coffre-fort est verrouillé. Déverrouillez-le pour voir la vue d&apos;ensemble de votre santé.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>ReadOnlyTable</name>
    <message>
        <source>Document {number}</source>
        <translation>Document {number}</translation>
    </message>
    <message>
        <source>Click to open this document and check the value against the page.</source>
        <translation>Cliquez pour ouvrir ce document et comparer la valeur avec la page.</translation>
    </message>
</context>
</TS>
