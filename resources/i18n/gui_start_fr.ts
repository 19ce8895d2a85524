<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Model: not checked yet.</source>
        <translation>Modèle&#xa0;: pas encore vérifié.</translation>
    </message>
    <message>
        <source>on the graphics card</source>
        <translation>sur la carte graphique</translation>
    </message>
    <message>
        <source>on the processor</source>
        <translation>sur le processeur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Model: {model} (variant {variant}, {where}).</source>
        <translation>Modèle&#xa0;: {model} (variante {variant}, {where}).</translation>
    </message>
    <message>
        <source>Model: {model} (variant {variant}, {where}) — not installed yet.</source>
        <translation>Modèle&#xa0;: {model} (variante {variant}, {where}) — pas encore installé.</translation>
    </message>
    <message>
        <source>About Coheara</source>
        <translation>À propos de Coheara</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Model in use</source>
        <translation>Modèle utilisé</translation>
    </message>
    <message>
        <source>HAI-DEF terms of use</source>
        <translation>Conditions d&apos;utilisation HAI-DEF</translation>
    </message>
    <message>
        <source>A private companion for your medical documents. Everything stays on this computer, encrypted.</source>
        <translation>Un compagnon privé pour vos documents médicaux. Tout reste chiffré sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Your vault stays as it is; only the passphrase that opens it changes.</source>
        <translation>Votre coffre-fort reste tel quel&#xa0;; seule change la phrase secrète qui l&apos;ouvre.</translation>
    </message>
</context>
<context>
    <name>EngineCheckPanel</name>
    <message>
        <source>about 3.3 GB</source>
        <translation>environ 3,3 Go</translation>
    </message>
    <message>
        <source>about 5.0 GB</source>
        <translation>environ 5,0 Go</translation>
    </message>
    <message>
        <source>about 8.6 GB</source>
        <translation>environ 8,6 Go</translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation>État du moteur d&apos;IA</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Command to install the model</source>
        <translation>Commande pour installer le modèle</translation>
    </message>
    <message>
        <source>Download the model</source>
        <translation>Télécharger le modèle</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Check the AI engine again</source>
        <translation>Vérifier à nouveau le moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Checking the AI engine…</source>
        <translation>Vérification du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>Coheara could not check the AI engine (a bug). Details are in the log.</source>
        <translation>Coheara n&apos;a pas pu vérifier le moteur d&apos;IA (une erreur du programme). Les détails figurent dans le journal.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <source>The AI engine (Ollama) is not running at {host}.</source>
        <translation>Le moteur d&apos;IA (Ollama) ne fonctionne pas à l&apos;adresse {host}.</translation>
    </message>
    <message>
        <source>If Ollama is not installed yet: get it free from ollama.com, start it, then press “Check again”.</source>
        <translation>Si Ollama n&apos;est pas encore installé&#xa0;: téléchargez-le gratuitement sur ollama.com, lancez-le, puis cliquez sur «&#xa0;Vérifier à nouveau&#xa0;».</translation>
    </message>
    <message>
        <source>1. Install Ollama from ollama.com (free, runs on this computer).
2. Start it: open the Ollama app, or run “ollama serve” in a terminal.
3. Press “Check again”.</source>
        <translation>1. Installez Ollama depuis ollama.com (gratuit, fonctionne sur cet ordinateur).
2. Lancez-le&#xa0;: ouvrez l&apos;application Ollama, ou exécutez «&#xa0;ollama serve&#xa0;» dans un terminal.
3. Cliquez sur «&#xa0;Vérifier à nouveau&#xa0;».</translation>
    </message>
    <message>
        <source>The model {model} is not installed yet.</source>
        <translation>Le modèle {model} n&apos;est pas encore installé.</translation>
    </message>
    <message>
        <source>Download it here ({size}), or type this command in a terminal:</source>
        <translation>Téléchargez-le ici ({size}), ou tapez cette commande dans un terminal&#xa0;:</translation>
    </message>
    <message>
        <source>Download it here, or type this command in a terminal:</source>
        <translation>Téléchargez-le ici, ou tapez cette commande dans un terminal&#xa0;:</translation>
    </message>
    <message>
        <source>Ready: {model} runs on this computer.</source>
        <translation>Prêt&#xa0;: {model} fonctionne sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Ollama {version} at {host}</source>
        <translation>Ollama {version} à l&apos;adresse {host}</translation>
    </message>
    <message>
        <source>{done} of {total} GB</source>
        <translation>{done} sur {total} Go</translation>
    </message>
</context>
<context>
    <name>EngineDialog</name>
    <message>
        <source>AI engine</source>
        <translation>Moteur d&apos;IA</translation>
    </message>
</context>
<context>
    <name>EngineIndicator</name>
    <message>
        <source>AI engine status</source>
        <translation>État du moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Click to see what the AI engine needs</source>
        <translation>Cliquez pour voir ce dont le moteur d&apos;IA a besoin</translation>
    </message>
</context>
<context>
    <name>EngineMonitor</name>
    <message>
        <source>AI engine: could not be checked</source>
        <translation>Moteur d&apos;IA&#xa0;: vérification impossible</translation>
    </message>
    <message>
        <source>AI engine: checking…</source>
        <translation>Moteur d&apos;IA&#xa0;: vérification…</translation>
    </message>
    <message>
        <source>AI engine: not running</source>
        <translation>Moteur d&apos;IA&#xa0;: arrêté</translation>
    </message>
    <message>
        <source>AI engine: model not installed</source>
        <translation>Moteur d&apos;IA&#xa0;: modèle non installé</translation>
    </message>
    <message>
        <source>AI engine: needs attention</source>
        <translation>Moteur d&apos;IA&#xa0;: intervention requise</translation>
    </message>
    <message>
        <source>AI engine: ready · {variant} · GPU</source>
        <translation>Moteur d&apos;IA&#xa0;: prêt · {variant} · GPU</translation>
    </message>
    <message>
        <source>AI engine: ready · {variant} · CPU</source>
        <translation>Moteur d&apos;IA&#xa0;: prêt · {variant} · CPU</translation>
    </message>
</context>
<context>
    <name>EnginePage</name>
    <message>
        <source>Start using Coheara</source>
        <translation>Commencer avec Coheara</translation>
    </message>
    <message>
        <source>The AI engine on this computer</source>
        <translation>Le moteur d&apos;IA sur cet ordinateur</translation>
    </message>
    <message>
        <source>Coheara reads documents with Ollama, a free program that runs the AI model on this computer. You can import documents now; they are read as soon as the engine is ready.</source>
        <translation>Coheara lit les documents avec Ollama, un programme gratuit qui fait fonctionner le modèle d&apos;IA sur cet ordinateur. Vous pouvez importer des documents dès maintenant&#xa0;; ils seront lus dès que le moteur sera prêt.</translation>
    </message>
</context>
<context>
    <name>ErrorLine</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Médicaments</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Opening Coheara…</source>
        <translation>Ouverture de Coheara…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Rubriques</translation>
    </message>
    <message>
        <source>About Coheara</source>
        <translation>À propos de Coheara</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock the vault now</source>
        <translation>Verrouiller le coffre-fort maintenant</translation>
    </message>
    <message>
        <source>← Back to the library</source>
        <translation>← Retour aux documents</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Retour aux documents</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>&amp;Export for your doctor…</source>
        <translation>&amp;Exporter pour votre médecin…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>AI &amp;engine status…</source>
        <translation>État du &amp;moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>&amp;About Coheara</source>
        <translation>À &amp;propos de Coheara</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notice</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Texte de l&apos;avertissement</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Répétez la nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation>Conseil sur la phrase secrète</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Répétez-la&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Les deux phrases secrètes ne sont pas encore identiques.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your new recovery key</source>
        <translation>Votre nouvelle clé de récupération</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Copier la clé de récupération</translation>
    </message>
    <message>
        <source>Copies the key, marked as secret so clipboard managers do not keep it</source>
        <translation>Copie la clé en la marquant comme secrète, pour que les gestionnaires de presse-papiers ne la conservent pas</translation>
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation>J&apos;ai conservé ma clé de récupération en lieu sûr</translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation>J&apos;ai conservé ma clé de récupération</translation>
    </message>
    <message>
        <source>Write this key on paper, or save it in a password manager, and keep it somewhere safe. If you forget your passphrase or your keyring loses its key, it is the only way into your vault. Coheara shows it only this once.</source>
        <translation>Notez cette clé sur papier ou enregistrez-la dans un gestionnaire de mots de passe, et conservez-la en lieu sûr. Si vous oubliez votre phrase secrète ou si votre trousseau perd sa clé, c&apos;est le seul moyen d&apos;ouvrir votre coffre-fort. Coheara ne l&apos;affiche qu&apos;une seule fois.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>your system keyring (no typing needed)</source>
        <translation>le trousseau de clés du système (sans rien taper)</translation>
    </message>
    <message>
        <source>your passphrase</source>
        <translation>votre phrase secrète</translation>
    </message>
    <message>
        <source>your recovery key</source>
        <translation>votre clé de récupération</translation>
    </message>
    <message>
        <source>{first}, {second} or {third}</source>
        <translation>{first}, {second} ou {third}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} ou {second}</translation>
    </message>
    <message>
        <source>Your vault opens with {ways}.</source>
        <translation>Votre coffre-fort s&apos;ouvre avec {ways}.</translation>
    </message>
    <message>
        <source>Your vault opens with no key that Coheara can find.</source>
        <translation>Coheara ne trouve aucune clé qui ouvre votre coffre-fort.</translation>
    </message>
    <message>
        <source>No secure system keyring was found on this computer, so none is used.</source>
        <translation>Aucun trousseau de clés sécurisé n&apos;a été trouvé sur cet ordinateur&#xa0;; aucun n&apos;est donc utilisé.</translation>
    </message>
    <message>
        <source>The system keyring is not used for it.</source>
        <translation>Le trousseau de clés du système n&apos;est pas utilisé pour cela.</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>Automatique (recommandé)</translation>
    </message>
    <message>
        <source>q4 — smallest and fastest (3.3 GB)</source>
        <translation>q4 — la plus petite et la plus rapide (3,3 Go)</translation>
    </message>
    <message>
        <source>q8 — balanced (5.0 GB)</source>
        <translation>q8 — équilibrée (5,0 Go)</translation>
    </message>
    <message>
        <source>f16 — largest (8.6 GB)</source>
        <translation>f16 — la plus grande (8,6 Go)</translation>
    </message>
    <message>
        <source>Model variant</source>
        <translation>Variante du modèle</translation>
    </message>
    <message>
        <source>Why this variant</source>
        <translation>Pourquoi cette variante</translation>
    </message>
    <message>
        <source>AI engine address</source>
        <translation>Adresse du moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Use this address</source>
        <translation>Utiliser cette adresse</translation>
    </message>
    <message>
        <source>Use this engine address</source>
        <translation>Utiliser cette adresse pour le moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Verrouiller après ce nombre de minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Changer la phrase secrète…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Nouvelle clé de récupération…</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Créer une nouvelle clé de récupération</translation>
    </message>
    <message>
        <source>How your vault opens</source>
        <translation>Comment s&apos;ouvre votre coffre-fort</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Comme sur cet ordinateur</translation>
    </message>
    <message>
        <source>A new language is used the next time Coheara starts.</source>
        <translation>Une nouvelle langue s&apos;applique au prochain démarrage de Coheara.</translation>
    </message>
    <message>
        <source>AI model</source>
        <translation>Modèle d&apos;IA</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Variante&#xa0;:</translation>
    </message>
    <message>
        <source>Engine address:</source>
        <translation>Adresse du moteur&#xa0;:</translation>
    </message>
    <message>
        <source>Privacy and security</source>
        <translation>Confidentialité et sécurité</translation>
    </message>
    <message>
        <source>Lock automatically after:</source>
        <translation>Verrouiller automatiquement après&#xa0;:</translation>
    </message>
    <message>
        <source>Vault keys:</source>
        <translation>Clés du coffre-fort&#xa0;:</translation>
    </message>
    <message>
        <source>Your vault and settings are kept in {folder}</source>
        <translation>Votre coffre-fort et vos paramètres sont conservés dans {folder}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>OLLAMA_HOST is set to {value}: it is used instead of this address.</source>
        <translation>OLLAMA_HOST vaut {value}&#xa0;: c&apos;est cette valeur qui est utilisée à la place de cette adresse.</translation>
    </message>
    <message>
        <source>This address is on another computer: your documents are sent there.</source>
        <translation>Cette adresse se trouve sur un autre ordinateur&#xa0;: vos documents y sont envoyés.</translation>
    </message>
    <message>
        <source>The engine runs on this computer: your documents stay here.</source>
        <translation>Le moteur fonctionne sur cet ordinateur&#xa0;: vos documents restent ici.</translation>
    </message>
    <message>
        <source>Could not check what this computer can run.</source>
        <translation>Impossible de vérifier ce que cet ordinateur peut faire fonctionner.</translation>
    </message>
    <message>
        <source>Checking what this computer can run…</source>
        <translation>Vérification de ce que cet ordinateur peut faire fonctionner…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>{variant} on the graphics card</source>
        <translation>{variant} sur la carte graphique</translation>
    </message>
    <message>
        <source>{variant} on the processor</source>
        <translation>{variant} sur le processeur</translation>
    </message>
    <message>
        <source>COHEARA_MODEL is set to {value}: it is used instead of this setting ({choice}).</source>
        <translation>COHEARA_MODEL vaut {value}&#xa0;: c&apos;est cette valeur qui est utilisée à la place de ce réglage ({choice}).</translation>
    </message>
    <message>
        <source>Automatic choice: {choice}. {reason}</source>
        <translation>Choix automatique&#xa0;: {choice}. {reason}</translation>
    </message>
    <message>
        <source>Your choice: {choice}. {reason}</source>
        <translation>Votre choix&#xa0;: {choice}. {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Your documents, their page images and everything read from them would be sent over the network to {host}. Coheara cannot protect them there. Only do this for a computer you own and trust.</source>
        <translation>Vos documents, les images de leurs pages et tout ce qui en est lu seraient envoyés par le réseau à {host}. Coheara ne peut pas les y protéger. Ne le faites que pour un ordinateur qui vous appartient et en lequel vous avez confiance.</translation>
    </message>
    <message>
        <source>Send documents to another computer?</source>
        <translation>Envoyer les documents à un autre ordinateur&#xa0;?</translation>
    </message>
    <message>
        <source>This address is not on this computer.</source>
        <translation>Cette adresse ne se trouve pas sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Send my documents there</source>
        <translation>Y envoyer mes documents</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nouvelle clé de récupération</translation>
    </message>
    <message>
        <source>Make a new recovery key?</source>
        <translation>Créer une nouvelle clé de récupération&#xa0;?</translation>
    </message>
    <message>
        <source>Your current recovery key will stop working. The new one is shown once.</source>
        <translation>Votre clé de récupération actuelle ne fonctionnera plus. La nouvelle ne s&apos;affiche qu&apos;une seule fois.</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Créer une nouvelle clé</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>HAI-DEF terms of use</source>
        <translation>Conditions d&apos;utilisation HAI-DEF</translation>
    </message>
    <message>
        <source>I understand that Coheara&apos;s AI can be wrong, is not a medical device and gives no medical advice, and I accept these terms.</source>
        <translation>Je comprends que l&apos;IA de Coheara peut se tromper, n&apos;est pas un dispositif médical et ne donne aucun avis médical, et j&apos;accepte ces conditions.</translation>
    </message>
    <message>
        <source>I understand and accept the terms</source>
        <translation>Je comprends et j&apos;accepte les conditions</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Accept and continue</source>
        <translation>Accepter et continuer</translation>
    </message>
    <message>
        <source>The terms of the AI model</source>
        <translation>Les conditions du modèle d&apos;IA</translation>
    </message>
    <message>
        <source>Coheara reads your documents with MedGemma, a model from Google. Its terms apply to you too. Please read them.</source>
        <translation>Coheara lit vos documents avec MedGemma, un modèle de Google. Ses conditions s&apos;appliquent aussi à vous. Veuillez les lire.</translation>
    </message>
    <message>
        <source>Back to the plain-words summary</source>
        <translation>Retour au résumé en termes simples</translation>
    </message>
    <message>
        <source>Read the full terms</source>
        <translation>Lire les conditions complètes</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Your vault is locked</source>
        <translation>Votre coffre-fort est verrouillé</translation>
    </message>
    <message>
        <source>Your documents are encrypted on this computer. Unlock to see them.</source>
        <translation>Vos documents sont chiffrés sur cet ordinateur. Déverrouillez pour les voir.</translation>
    </message>
    <message>
        <source>Unlock with your system keyring</source>
        <translation>Déverrouiller avec le trousseau de clés du système</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Votre phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock with passphrase</source>
        <translation>Déverrouiller avec la phrase secrète</translation>
    </message>
    <message>
        <source>Use my recovery key instead</source>
        <translation>Utiliser plutôt ma clé de récupération</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>Utiliser la clé de récupération</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>Unlock with your recovery key</source>
        <translation>Déverrouiller avec votre clé de récupération</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Then choose a new passphrase: the old one will stop working.</source>
        <translation>Choisissez ensuite une nouvelle phrase secrète&#xa0;: l&apos;ancienne ne fonctionnera plus.</translation>
    </message>
    <message>
        <source>Unlock and set the new passphrase</source>
        <translation>Valider et déverrouiller</translation>
    </message>
    <message>
        <source>Unlock with recovery key</source>
        <translation>Déverrouiller avec la clé de récupération</translation>
    </message>
    <message>
        <source>Back to the passphrase</source>
        <translation>Retour à la phrase secrète</translation>
    </message>
    <message>
        <source>Back to passphrase</source>
        <translation>Retour à la phrase secrète</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Clé de récupération&#xa0;:</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Tapez d&apos;abord votre phrase secrète.</translation>
    </message>
    <message>
        <source>Type your recovery key first.</source>
        <translation>Tapez d&apos;abord votre clé de récupération.</translation>
    </message>
    <message>
        <source>Choose a new passphrase and type it twice.</source>
        <translation>Choisissez une nouvelle phrase secrète et tapez-la deux fois.</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Looking for your system keyring…</source>
        <translation>Recherche du trousseau de clés du système…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Créer mon coffre-fort</translation>
    </message>
    <message>
        <source>Creating your vault…</source>
        <translation>Création de votre coffre-fort…</translation>
    </message>
    <message>
        <source>Protect your vault</source>
        <translation>Protégez votre coffre-fort</translation>
    </message>
    <message>
        <source>Coheara will keep your vault&apos;s key in your system keyring, so it opens without typing.
You can also choose a passphrase (recommended): it opens the vault if the keyring ever cannot. Leave it empty to rely on the keyring and your recovery key.</source>
        <translation>Coheara conservera la clé de votre coffre-fort dans le trousseau de clés du système&#xa0;: il s&apos;ouvrira sans rien taper.
Vous pouvez aussi choisir une phrase secrète (recommandé)&#xa0;: elle ouvre le coffre-fort si le trousseau ne le peut plus. Laissez-la vide pour vous fier au trousseau et à votre clé de récupération.</translation>
    </message>
    <message>
        <source>Choose a passphrase. You will type it each time Coheara starts. Four random words are strong and easy to remember. There is no way to open the vault without it, except the recovery key you will see next.</source>
        <translation>Choisissez une phrase secrète. Vous la taperez à chaque démarrage de Coheara. Quatre mots pris au hasard sont robustes et faciles à retenir. Sans elle, le coffre-fort ne peut pas être ouvert, sauf avec la clé de récupération que vous verrez ensuite.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>What Coheara does</source>
        <translation>Ce que fait Coheara</translation>
    </message>
    <message>
        <source>Reads photos and PDFs of your medical documents with an AI model that runs on this computer.</source>
        <translation>Il lit les photos et les PDF de vos documents médicaux avec un modèle d&apos;IA qui fonctionne sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Keeps them, and what it read, in an encrypted vault only you can open.</source>
        <translation>Il les conserve, avec ce qu&apos;il y a lu, dans un coffre-fort chiffré que vous seul·e pouvez ouvrir.</translation>
    </message>
    <message>
        <source>Shows your medications and lab results over time, and exports them for your doctor.</source>
        <translation>Il montre l&apos;évolution de vos médicaments et de vos résultats d&apos;analyses, et les exporte pour votre médecin.</translation>
    </message>
    <message>
        <source>What Coheara does not do</source>
        <translation>Ce que Coheara ne fait pas</translation>
    </message>
    <message>
        <source>It sends none of your documents anywhere: they stay on this computer.</source>
        <translation>Il n&apos;envoie aucun de vos documents nulle part&#xa0;: ils restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>It does not diagnose, advise or replace your clinician.</source>
        <translation>Il ne pose pas de diagnostic, ne donne pas de conseils et ne remplace pas votre médecin.</translation>
    </message>
    <message>
        <source>It is not always right: the AI can misread a value, so check every value with your clinician.</source>
        <translation>Il n&apos;a pas toujours raison&#xa0;: l&apos;IA peut mal lire une valeur, vérifiez donc chaque valeur avec votre médecin.</translation>
    </message>
    <message>
        <source>What Coheara does and does not do</source>
        <translation>Ce que Coheara fait et ne fait pas</translation>
    </message>
    <message>
        <source>Welcome to Coheara</source>
        <translation>Bienvenue dans Coheara</translation>
    </message>
</context>
</TS>
