<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Model: not checked yet.</source>
        <translation>Modell: noch nicht geprüft.</translation>
    </message>
    <message>
        <source>on the graphics card</source>
        <translation>auf der Grafikkarte</translation>
    </message>
    <message>
        <source>on the processor</source>
        <translation>auf dem Prozessor</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Model: {model} (variant {variant}, {where}).</source>
        <translation>Modell: {model} (Variante {variant}, {where}).</translation>
    </message>
    <message>
        <source>Model: {model} (variant {variant}, {where}) — not installed yet.</source>
        <translation>Modell: {model} (Variante {variant}, {where}) – noch nicht installiert.</translation>
    </message>
    <message>
        <source>About Coheara</source>
        <translation>Über Coheara</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Model in use</source>
        <translation>Verwendetes Modell</translation>
    </message>
    <message>
        <source>HAI-DEF terms of use</source>
        <translation>HAI-DEF-Nutzungsbedingungen</translation>
    </message>
    <message>
        <source>A private companion for your medical documents. Everything stays on this computer, encrypted.</source>
        <translation>Ein privater Begleiter für Ihre medizinischen Unterlagen. Alles bleibt verschlüsselt auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Your vault stays as it is; only the passphrase that opens it changes.</source>
        <translation>Ihr Tresor bleibt, wie er ist; nur die Passphrase, mit der er sich öffnet, ändert sich.</translation>
    </message>
</context>
<context>
    <name>EngineCheckPanel</name>
    <message>
        <source>about 3.3 GB</source>
        <translation>etwa 3,3 GB</translation>
    </message>
    <message>
        <source>about 5.0 GB</source>
        <translation>etwa 5,0 GB</translation>
    </message>
    <message>
        <source>about 8.6 GB</source>
        <translation>etwa 8,6 GB</translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation>Zustand der KI-Engine</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Command to install the model</source>
        <translation>Befehl zum Installieren des Modells</translation>
    </message>
    <message>
        <source>Download the model</source>
        <translation>Modell herunterladen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Downloads</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Check the AI engine again</source>
        <translation>KI-Engine erneut prüfen</translation>
    </message>
    <message>
        <source>Checking the AI engine…</source>
        <translation>KI-Engine wird geprüft …</translation>
    </message>
    <message>
        <source>Coheara could not check the AI engine (a bug). Details are in the log.</source>
        <translation>Coheara konnte die KI-Engine nicht prüfen (ein Programmfehler). Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <source>The AI engine (Ollama) is not running at {host}.</source>
        <translation>Die KI-Engine (Ollama) läuft nicht unter {host}.</translation>
    </message>
    <message>
        <source>If Ollama is not installed yet: get it free from ollama.com, start it, then press “Check again”.</source>
        <translation>Falls Ollama noch nicht installiert ist: Laden Sie es kostenlos von ollama.com, starten Sie es und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>1. Install Ollama from ollama.com (free, runs on this computer).
2. Start it: open the Ollama app, or run “ollama serve” in a terminal.
3. Press “Check again”.</source>
        <translation>1. Installieren Sie Ollama von ollama.com (kostenlos, läuft auf diesem Computer).
2. Starten Sie es: Öffnen Sie die Ollama-App oder geben Sie „ollama serve“ in einem Terminal ein.
3. Klicken Sie auf „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>The model {model} is not installed yet.</source>
        <translation>Das Modell {model} ist noch nicht installiert.</translation>
    </message>
    <message>
        <source>Download it here ({size}), or type this command in a terminal:</source>
        <translation>Laden Sie es hier herunter ({size}) oder geben Sie diesen Befehl in einem Terminal ein:</translation>
    </message>
    <message>
        <source>Download it here, or type this command in a terminal:</source>
        <translation>Laden Sie es hier herunter oder geben Sie diesen Befehl in einem Terminal ein:</translation>
    </message>
    <message>
        <source>Ready: {model} runs on this computer.</source>
        <translation>Bereit: {model} läuft auf diesem Computer.</translation>
    </message>
    <message>
        <source>Ollama {version} at {host}</source>
        <translation>Ollama {version} unter {host}</translation>
    </message>
    <message>
        <source>{done} of {total} GB</source>
        <translation>{done} von {total} GB</translation>
    </message>
</context>
<context>
    <name>EngineDialog</name>
    <message>
        <source>AI engine</source>
        <translation>KI-Engine</translation>
    </message>
</context>
<context>
    <name>EngineIndicator</name>
    <message>
        <source>AI engine status</source>
        <translation>Status der KI-Engine</translation>
    </message>
    <message>
        <source>Click to see what the AI engine needs</source>
        <translation>Klicken Sie hier, um zu sehen, was die KI-Engine braucht</translation>
    </message>
</context>
<context>
    <name>EngineMonitor</name>
    <message>
        <source>AI engine: could not be checked</source>
        <translation>KI-Engine: konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>AI engine: checking…</source>
        <translation>KI-Engine: wird geprüft …</translation>
    </message>
    <message>
        <source>AI engine: not running</source>
        <translation>KI-Engine: läuft nicht</translation>
    </message>
    <message>
        <source>AI engine: model not installed</source>
        <translation>KI-Engine: Modell nicht installiert</translation>
    </message>
    <message>
        <source>AI engine: needs attention</source>
        <translation>KI-Engine: braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <source>AI engine: ready · {variant} · GPU</source>
        <translation>KI-Engine: bereit · {variant} · GPU</translation>
    </message>
    <message>
        <source>AI engine: ready · {variant} · CPU</source>
        <translation>KI-Engine: bereit · {variant} · CPU</translation>
    </message>
</context>
<context>
    <name>EnginePage</name>
    <message>
        <source>Start using Coheara</source>
        <translation>Coheara verwenden</translation>
    </message>
    <message>
        <source>The AI engine on this computer</source>
        <translation>Die KI-Engine auf diesem Computer</translation>
    </message>
    <message>
        <source>Coheara reads documents with Ollama, a free program that runs the AI model on this computer. You can import documents now; they are read as soon as the engine is ready.</source>
        <translation>Coheara liest Dokumente mit Ollama, einem kostenlosen Programm, das das KI-Modell auf diesem Computer ausführt. Sie können schon jetzt Dokumente importieren; sie werden gelesen, sobald die KI-Engine bereit ist.</translation>
    </message>
</context>
<context>
    <name>ErrorLine</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medikamente</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Laborwerte</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Opening Coheara…</source>
        <translation>Coheara wird geöffnet …</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>About Coheara</source>
        <translation>Über Coheara</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <source>Lock the vault now</source>
        <translation>Tresor jetzt sperren</translation>
    </message>
    <message>
        <source>← Back to the library</source>
        <translation>← Zurück zu den Dokumenten</translation>
    </message>
    <message>
        <source>Back to the library</source>
        <translation>Zurück zu den Dokumenten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Export for your doctor…</source>
        <translation>Für den Arztbesuch &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>AI &amp;engine status…</source>
        <translation>Status der KI-&amp;Engine …</translation>
    </message>
    <message>
        <source>&amp;About Coheara</source>
        <translation>Ü&amp;ber Coheara</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Notice text</source>
        <translation>Text des Hinweises</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Neue Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Passphrase advice</source>
        <translation>Tipp zur Passphrase</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Die beiden Passphrasen stimmen noch nicht überein.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your new recovery key</source>
        <translation>Ihr neuer Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPanel</name>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the recovery key</source>
        <translation>Wiederherstellungsschlüssel kopieren</translation>
    </message>
    <message>
        <source>Copies the key, marked as secret so clipboard managers do not keep it</source>
        <translation>Kopiert den Schlüssel, als geheim markiert, damit Zwischenablage-Verwaltungen ihn nicht speichern</translation>
    </message>
    <message>
        <source>I have saved my recovery key somewhere safe</source>
        <translation>Ich habe meinen Wiederherstellungsschlüssel sicher aufbewahrt</translation>
    </message>
    <message>
        <source>I have saved my recovery key</source>
        <translation>Ich habe meinen Wiederherstellungsschlüssel aufbewahrt</translation>
    </message>
    <message>
        <source>Write this key on paper, or save it in a password manager, and keep it somewhere safe. If you forget your passphrase or your keyring loses its key, it is the only way into your vault. Coheara shows it only this once.</source>
        <translation>Schreiben Sie diesen Schlüssel auf Papier oder speichern Sie ihn in einem Passwort-Manager, und bewahren Sie ihn sicher auf. Wenn Sie Ihre Passphrase vergessen oder Ihr Schlüsselbund den Schlüssel verliert, ist er der einzige Weg in Ihren Tresor. Coheara zeigt ihn nur dieses eine Mal.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>your system keyring (no typing needed)</source>
        <translation>dem Schlüsselbund Ihres Systems (ohne Eingabe)</translation>
    </message>
    <message>
        <source>your passphrase</source>
        <translation>Ihrer Passphrase</translation>
    </message>
    <message>
        <source>your recovery key</source>
        <translation>Ihrem Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>{first}, {second} or {third}</source>
        <translation>{first}, {second} oder {third}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} oder {second}</translation>
    </message>
    <message>
        <source>Your vault opens with {ways}.</source>
        <translation>Ihr Tresor lässt sich mit {ways} öffnen.</translation>
    </message>
    <message>
        <source>Your vault opens with no key that Coheara can find.</source>
        <translation>Coheara findet keinen Schlüssel, mit dem sich Ihr Tresor öffnen lässt.</translation>
    </message>
    <message>
        <source>No secure system keyring was found on this computer, so none is used.</source>
        <translation>Auf diesem Computer wurde kein sicherer Schlüsselbund des Systems gefunden; daher wird keiner verwendet.</translation>
    </message>
    <message>
        <source>The system keyring is not used for it.</source>
        <translation>Der Schlüsselbund des Systems wird dafür nicht verwendet.</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>Automatisch (empfohlen)</translation>
    </message>
    <message>
        <source>q4 — smallest and fastest (3.3 GB)</source>
        <translation>q4 – am kleinsten und schnellsten (3,3 GB)</translation>
    </message>
    <message>
        <source>q8 — balanced (5.0 GB)</source>
        <translation>q8 – ausgewogen (5,0 GB)</translation>
    </message>
    <message>
        <source>f16 — largest (8.6 GB)</source>
        <translation>f16 – am größten (8,6 GB)</translation>
    </message>
    <message>
        <source>Model variant</source>
        <translation>Modellvariante</translation>
    </message>
    <message>
        <source>Why this variant</source>
        <translation>Warum diese Variante</translation>
    </message>
    <message>
        <source>AI engine address</source>
        <translation>Adresse der KI-Engine</translation>
    </message>
    <message>
        <source>Use this address</source>
        <translation>Diese Adresse verwenden</translation>
    </message>
    <message>
        <source>Use this engine address</source>
        <translation>Diese Adresse der KI-Engine verwenden</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Nach so vielen Minuten ohne Eingabe sperren</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Passphrase ändern …</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Make a new recovery key…</source>
        <translation>Neuer Wiederherstellungsschlüssel …</translation>
    </message>
    <message>
        <source>Make a new recovery key</source>
        <translation>Neuen Wiederherstellungsschlüssel erstellen</translation>
    </message>
    <message>
        <source>How your vault opens</source>
        <translation>Wie sich Ihr Tresor öffnet</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Wie auf diesem Computer</translation>
    </message>
    <message>
        <source>A new language is used the next time Coheara starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Coheara.</translation>
    </message>
    <message>
        <source>AI model</source>
        <translation>KI-Modell</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Variante:</translation>
    </message>
    <message>
        <source>Engine address:</source>
        <translation>Adresse der KI-Engine:</translation>
    </message>
    <message>
        <source>Privacy and security</source>
        <translation>Datenschutz und Sicherheit</translation>
    </message>
    <message>
        <source>Lock automatically after:</source>
        <translation>Automatisch sperren nach:</translation>
    </message>
    <message>
        <source>Vault keys:</source>
        <translation>Schlüssel des Tresors:</translation>
    </message>
    <message>
        <source>Your vault and settings are kept in {folder}</source>
        <translation>Ihr Tresor und Ihre Einstellungen liegen in {folder}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>OLLAMA_HOST is set to {value}: it is used instead of this address.</source>
        <translation>OLLAMA_HOST ist auf {value} gesetzt: Diese Adresse wird statt der hier eingetragenen verwendet.</translation>
    </message>
    <message>
        <source>This address is on another computer: your documents are sent there.</source>
        <translation>Diese Adresse liegt auf einem anderen Computer: Ihre Dokumente werden dorthin gesendet.</translation>
    </message>
    <message>
        <source>The engine runs on this computer: your documents stay here.</source>
        <translation>Die KI-Engine läuft auf diesem Computer: Ihre Dokumente bleiben hier.</translation>
    </message>
    <message>
        <source>Could not check what this computer can run.</source>
        <translation>Es konnte nicht geprüft werden, was dieser Computer ausführen kann.</translation>
    </message>
    <message>
        <source>Checking what this computer can run…</source>
        <translation>Es wird geprüft, was dieser Computer ausführen kann …</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>{variant} on the graphics card</source>
        <translation>{variant} auf der Grafikkarte</translation>
    </message>
    <message>
        <source>{variant} on the processor</source>
        <translation>{variant} auf dem Prozessor</translation>
    </message>
    <message>
        <source>COHEARA_MODEL is set to {value}: it is used instead of this setting ({choice}).</source>
        <translation>COHEARA_MODEL ist auf {value} gesetzt: Dies wird statt dieser Einstellung verwendet ({choice}).</translation>
    </message>
    <message>
        <source>Automatic choice: {choice}. {reason}</source>
        <translation>Automatische Wahl: {choice}. {reason}</translation>
    </message>
    <message>
        <source>Your choice: {choice}. {reason}</source>
        <translation>Ihre Wahl: {choice}. {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Your documents, their page images and everything read from them would be sent over the network to {host}. Coheara cannot protect them there. Only do this for a computer you own and trust.</source>
        <translation>Ihre Dokumente, ihre Seitenbilder und alles, was daraus gelesen wird, würden über das Netzwerk an {host} gesendet. Dort kann Coheara sie nicht schützen. Tun Sie das nur für einen Computer, der Ihnen gehört und dem Sie vertrauen.</translation>
    </message>
    <message>
        <source>Send documents to another computer?</source>
        <translation>Dokumente an einen anderen Computer senden?</translation>
    </message>
    <message>
        <source>This address is not on this computer.</source>
        <translation>Diese Adresse liegt nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>Send my documents there</source>
        <translation>Meine Dokumente dorthin senden</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Neuer Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Make a new recovery key?</source>
        <translation>Einen neuen Wiederherstellungsschlüssel erstellen?</translation>
    </message>
    <message>
        <source>Your current recovery key will stop working. The new one is shown once.</source>
        <translation>Ihr bisheriger Wiederherstellungsschlüssel funktioniert dann nicht mehr. Der neue wird nur einmal angezeigt.</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Neuen Schlüssel erstellen</translation>
    </message>
</context>
<context>
    <name>TermsPage</name>
    <message>
        <source>HAI-DEF terms of use</source>
        <translation>HAI-DEF-Nutzungsbedingungen</translation>
    </message>
    <message>
        <source>I understand that Coheara&apos;s AI can be wrong, is not a medical device and gives no medical advice, and I accept these terms.</source>
        <translation>Ich habe verstanden, dass sich die KI von Coheara irren kann, kein Medizinprodukt ist und keine medizinische Beratung gibt, und ich akzeptiere diese Bedingungen.</translation>
    </message>
    <message>
        <source>I understand and accept the terms</source>
        <translation>Ich habe verstanden und akzeptiere die Bedingungen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Accept and continue</source>
        <translation>Akzeptieren und weiter</translation>
    </message>
    <message>
        <source>The terms of the AI model</source>
        <translation>Die Bedingungen des KI-Modells</translation>
    </message>
    <message>
        <source>Coheara reads your documents with MedGemma, a model from Google. Its terms apply to you too. Please read them.</source>
        <translation>Coheara liest Ihre Dokumente mit MedGemma, einem Modell von Google. Dessen Bedingungen gelten auch für Sie. Bitte lesen Sie sie.</translation>
    </message>
    <message>
        <source>Back to the plain-words summary</source>
        <translation>Zurück zur Zusammenfassung in einfachen Worten</translation>
    </message>
    <message>
        <source>Read the full terms</source>
        <translation>Vollständige Bedingungen lesen</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Your vault is locked</source>
        <translation>Ihr Tresor ist gesperrt</translation>
    </message>
    <message>
        <source>Your documents are encrypted on this computer. Unlock to see them.</source>
        <translation>Ihre Dokumente sind auf diesem Computer verschlüsselt. Entsperren Sie den Tresor, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Unlock with your system keyring</source>
        <translation>Mit dem Schlüsselbund des Systems entsperren</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Ihre Passphrase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlock with passphrase</source>
        <translation>Mit der Passphrase entsperren</translation>
    </message>
    <message>
        <source>Use my recovery key instead</source>
        <translation>Stattdessen meinen Wiederherstellungsschlüssel verwenden</translation>
    </message>
    <message>
        <source>Use recovery key</source>
        <translation>Wiederherstellungsschlüssel verwenden</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
    <message>
        <source>Unlock with your recovery key</source>
        <translation>Mit Ihrem Wiederherstellungsschlüssel entsperren</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Then choose a new passphrase: the old one will stop working.</source>
        <translation>Wählen Sie dann eine neue Passphrase: Die alte funktioniert danach nicht mehr.</translation>
    </message>
    <message>
        <source>Unlock and set the new passphrase</source>
        <translation>Entsperren mit neuer Passphrase</translation>
    </message>
    <message>
        <source>Unlock with recovery key</source>
        <translation>Mit dem Wiederherstellungsschlüssel entsperren</translation>
    </message>
    <message>
        <source>Back to the passphrase</source>
        <translation>Zurück zur Passphrase</translation>
    </message>
    <message>
        <source>Back to passphrase</source>
        <translation>Zurück zur Passphrase</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Wiederherstellungsschlüssel:</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Geben Sie zuerst Ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>Type your recovery key first.</source>
        <translation>Geben Sie zuerst Ihren Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <source>Choose a new passphrase and type it twice.</source>
        <translation>Wählen Sie eine neue Passphrase und geben Sie sie zweimal ein.</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Looking for your system keyring…</source>
        <translation>Der Schlüsselbund Ihres Systems wird gesucht …</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Meinen Tresor erstellen</translation>
    </message>
    <message>
        <source>Creating your vault…</source>
        <translation>Ihr Tresor wird erstellt …</translation>
    </message>
    <message>
        <source>Protect your vault</source>
        <translation>Schützen Sie Ihren Tresor</translation>
    </message>
    <message>
        <source>Coheara will keep your vault&apos;s key in your system keyring, so it opens without typing.
You can also choose a passphrase (recommended): it opens the vault if the keyring ever cannot. Leave it empty to rely on the keyring and your recovery key.</source>
        <translation>Coheara bewahrt den Schlüssel Ihres Tresors im Schlüsselbund Ihres Systems auf, so öffnet er sich ohne Eingabe.
Sie können zusätzlich eine Passphrase wählen (empfohlen): Sie öffnet den Tresor, falls der Schlüsselbund es einmal nicht kann. Lassen Sie das Feld leer, um sich auf den Schlüsselbund und Ihren Wiederherstellungsschlüssel zu verlassen.</translation>
    </message>
    <message>
        <source>Choose a passphrase. You will type it each time Coheara starts. Four random words are strong and easy to remember. There is no way to open the vault without it, except the recovery key you will see next.</source>
        <translation>Wählen Sie eine Passphrase. Sie geben sie bei jedem Start von Coheara ein. Vier zufällige Wörter sind sicher und leicht zu merken. Ohne sie lässt sich der Tresor nicht öffnen – außer mit dem Wiederherstellungsschlüssel, den Sie als Nächstes sehen.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>What Coheara does</source>
        <translation>Was Coheara tut</translation>
    </message>
    <message>
        <source>Reads photos and PDFs of your medical documents with an AI model that runs on this computer.</source>
        <translation>Liest Fotos und PDFs Ihrer medizinischen Unterlagen mit einem KI-Modell, das auf diesem Computer läuft.</translation>
    </message>
    <message>
        <source>Keeps them, and what it read, in an encrypted vault only you can open.</source>
        <translation>Bewahrt sie und alles daraus Gelesene in einem verschlüsselten Tresor auf, den nur Sie öffnen können.</translation>
    </message>
    <message>
        <source>Shows your medications and lab results over time, and exports them for your doctor.</source>
        <translation>Zeigt Ihre Medikamente und Laborwerte im Zeitverlauf und exportiert sie für Ihre Ärztin oder Ihren Arzt.</translation>
    </message>
    <message>
        <source>What Coheara does not do</source>
        <translation>Was Coheara nicht tut</translation>
    </message>
    <message>
        <source>It sends none of your documents anywhere: they stay on this computer.</source>
        <translation>Es sendet keines Ihrer Dokumente irgendwohin: Sie bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <source>It does not diagnose, advise or replace your clinician.</source>
        <translation>Es stellt keine Diagnosen, berät nicht und ersetzt nicht Ihre Ärztin oder Ihren Arzt.</translation>
    </message>
    <message>
        <source>It is not always right: the AI can misread a value, so check every value with your clinician.</source>
        <translation>Es liegt nicht immer richtig: Die KI kann einen Wert falsch lesen. Prüfen Sie deshalb jeden Wert mit Ihrer Ärztin oder Ihrem Arzt.</translation>
    </message>
    <message>
        <source>What Coheara does and does not do</source>
        <translation>Was Coheara tut und was nicht</translation>
    </message>
    <message>
        <source>Welcome to Coheara</source>
        <translation>Willkommen bei Coheara</translation>
    </message>
</context>
</TS>
