"""The command line: a thin layer over ``coheara.services``. Never imports Qt.

Exit codes (scripts depend on them): 0 done; 1 a file was refused as bad input (or another known
problem); 2 usage; 3 stored, but extraction could not finish (the document stays queued); 4 the
vault could not be opened.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from coheara import __version__, i18n
from coheara.i18n import LANGUAGES, N_, _, ngettext, pgettext
from coheara.errors import BUG_MESSAGE, Cancelled, KnownError, UsageError, bug_location
from coheara.domain.documents import note_text
from coheara.secret_env import secret

if TYPE_CHECKING:
    from coheara.config import AppPaths, Settings
    from coheara.services.vault import Vault

log = logging.getLogger("coheara.cli")

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_EXTRACTION = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{message} (see `coheara --help`)").format(message=message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coheara",
        description=_("Coheara keeps your medical documents in an encrypted vault on this computer and reads "
                      "them with a local AI model. Without a command, the desktop app starts. The AI can be wrong: "
                      "it is not a medical device; check every value with your clinician."),
    )
    parser.add_argument("--version", action="version", version=f"coheara {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--language", choices=LANGUAGES, metavar="{en,de,fr}",
                        help=_("language of messages and exports (default: the setting, else the system's)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    machine_readable = _("machine-readable output")

    p = sub.add_parser("import", help=_("store files (photos, scans, PDFs) in the vault and read them"))
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=_("a photo, scan or PDF"))
    p.add_argument("--no-extract", action="store_true", help=_("only store; read them later with `extract`"))
    p.add_argument("--pdf-password", metavar="P", help=_("password of protected PDFs (never stored)"))

    p = sub.add_parser("extract", help=_("read stored documents with the local model"))
    p.add_argument("ids", nargs="*", type=int, metavar="DOC_ID", help=_("a document's number (see `documents`)"))
    p.add_argument("--queued", action="store_true", help=_("every document waiting to be read"))

    p = sub.add_parser("documents", help=_("list the documents in the vault"))
    p.add_argument("--json", action="store_true", help=machine_readable)

    p = sub.add_parser("export", help=_("write a summary for your doctor (the file is NOT encrypted)"))
    p.add_argument("--format", required=True, choices=("fhir", "pdf", "csv", "md"),
                   help=_("FHIR for a clinic's system, PDF or Markdown to read, CSV for a spreadsheet"))
    p.add_argument("--output", required=True, type=Path, metavar="FILE", help=_("the file to write"))

    p = sub.add_parser("doctor", help=_("check the vault, the keys, this computer and the local AI engine"))
    p.add_argument("--json", action="store_true", help=machine_readable)

    sub.add_parser("passphrase", help=_("set a new passphrase (the data is not re-encrypted)"))
    sub.add_parser("recovery-key", help=_("make a new recovery key; the old one stops working"))
    return parser


def choose_language(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """``--language``, else the app's setting, else the system's; read before the parser is built,
    so that ``--help`` is in that language too."""
    from coheara.config import AppPaths, load_settings

    asked = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--language"), None)
    asked = asked or next((a.split("=", 1)[1] for a in argv if a.startswith("--language=")), None)
    if asked is None:
        try:
            asked = load_settings(AppPaths.from_env()).language
        except (OSError, KnownError):  # no readable home yet: the system decides
            asked = None
    code = i18n.choose(asked, env, i18n.system_language())
    i18n.set_language(code)
    return code


def run_cli(argv: Sequence[str]) -> int:
    try:
        choose_language(argv, os.environ)
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError(_("Give a command, or no arguments at all to start the app (see `coheara --help`)."))
        return _dispatch(args)
    except KnownError as exc:
        _err(f"coheara: {exc.one_line()}")
        return exc.exit_code
    except Cancelled:
        _err("coheara: " + _("cancelled."))
        return 130
    except KeyboardInterrupt:
        _err("coheara: " + _("interrupted; everything stored so far is intact."))
        return 130
    except BrokenPipeError:
        # The reader went away (`coheara doctor | head -1`): nothing is wrong, and nothing more to say.
        # Point stdout at /dev/null so Python's own flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, shown without data
        log.error("internal error %s", bug_location(exc))
        _err(f"coheara: {_(BUG_MESSAGE)} " + _("Details without any of your data are in the log."))
        return 70


def _dispatch(args: argparse.Namespace) -> int:
    from coheara.config import AppPaths, load_settings
    from coheara.logsetup import configure_logging

    paths = AppPaths.from_env()
    paths.ensure()
    configure_logging(paths)
    settings = load_settings(paths)
    command = args.command.replace("-", "_")
    if command in READS_HEALTH_DATA:
        settings = _terms_accepted(paths, settings)
    handler: Callable[[argparse.Namespace, AppPaths, Settings], int] = globals()[f"_cmd_{command}"]
    code = handler(args, paths, settings)
    if command in SHOWS_EXTRACTED_VALUES:
        from coheara.notice import short_notice

        _err(_("Note: {notice}").format(notice=short_notice()))
    return code


# Commands that open the vault (the model's terms must have been accepted once, here or in the app),
# and those that print what the model read (each ends with the not-a-medical-device notice).
READS_HEALTH_DATA = frozenset({"import", "extract", "documents", "export", "passphrase", "recovery_key"})
SHOWS_EXTRACTED_VALUES = frozenset({"extract", "documents"})
ACCEPT_TERMS_VARIABLE = "COHEARA_ACCEPT_TERMS"
# What the patient types to accept the terms; in German or French their phrase works as well as this one.
ACCEPT_PHRASE = N_("I accept")


def _terms_accepted(paths: AppPaths, settings: Settings) -> Settings:
    """The HAI-DEF terms, accepted once for the app and the command line alike: in a terminal by
    typing "I accept" (or the phrase in the patient's language) after the plain-words summary, in a
    script by COHEARA_ACCEPT_TERMS=1."""
    from coheara.notice import HAI_DEF_TERMS_URL, NOTICE_VERSION, terms_summary
    from coheara.services import settings as settings_service

    if settings.terms_accepted == NOTICE_VERSION:
        return settings
    if os.environ.get(ACCEPT_TERMS_VARIABLE) != "1":
        if not _interactive():
            raise UsageError(
                _("Coheara's AI model comes with terms that must be accepted once before it reads anything."),
                hint=_("Start the app, or run this command in a terminal, or set {variable}=1 to accept them "
                       "(summary: resources/hai_def_summary.md).").format(variable=ACCEPT_TERMS_VARIABLE))
        _err(terms_summary().replace("**", "").replace("*", "").strip())
        _err(_("The full terms: {url}").format(url=HAI_DEF_TERMS_URL))
        phrase = _(ACCEPT_PHRASE)
        if not accepts(input(_('Type "{phrase}" to accept these terms: ').format(phrase=phrase))):
            raise UsageError(_("The terms were not accepted; nothing was changed."))
    accepted = settings.model_copy(update={"terms_accepted": NOTICE_VERSION})
    settings_service.save(paths, accepted)
    return accepted


def accepts(typed: str) -> bool:
    """Whether ``typed`` accepts the terms: "I accept", or the same phrase in the patient's language
    ("Ich stimme zu", "J'accepte"), in any case, with or without quotes or a final full stop."""
    def folded(text: str) -> str:
        bare = text.replace("\u2019", "'").strip().strip('"\u201c\u201d\u201e\u00ab\u00bb .')
        return " ".join(bare.split()).casefold()

    return folded(typed) in {folded(ACCEPT_PHRASE), folded(_(ACCEPT_PHRASE))}


def shown(untrusted: str) -> str:
    """A file name (or any text from outside) as it may reach the terminal: control and invisible
    format characters escaped, so a name cannot forge an output line or send escape sequences."""
    return "".join(ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else
                   ch.encode("unicode_escape").decode("ascii") for ch in untrusted)


def _out(text: str = "") -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _new_passphrase(given: str | None) -> str | None:
    """A new passphrase from the environment or asked twice; one too weak is refused, as in the app."""
    from coheara.security.strength import too_weak

    if given:
        if reason := too_weak(given):
            raise UsageError(reason, hint=_("Four random words are strong and easy to remember."))
        return given
    if not _interactive():
        return None
    while True:
        first = getpass.getpass(_("Choose a passphrase for your vault: "))
        if not first:
            return None
        if reason := too_weak(first):
            _err(reason)
            continue
        if getpass.getpass(_("Type it again: ")) == first:
            return first
        _err(_("The two passphrases differ; try again."))


def open_vault(paths: AppPaths) -> Vault:
    """Unlock the vault, or create it on first use (printing the recovery key once, to stderr)."""
    from coheara.security.keys import KeyStore
    from coheara.services.vault import Credentials, create_vault, unlock_vault, vault_state

    keystore = KeyStore(paths.keyfile)
    env_pass = secret("COHEARA_PASSPHRASE")
    if vault_state(paths) == "new":
        passphrase = _new_passphrase(env_pass)
        vault, new_recovery = create_vault(paths, keystore, passphrase)
        _err(_("A new encrypted vault was created."))
        _err(_("Your recovery key (shown only this once; write it down and keep it safe, away from this computer):"))
        _err(f"    {new_recovery}")
        _err(_("With it you can open your vault if you forget your passphrase."))
        return vault
    passphrase = env_pass
    recovery = secret("COHEARA_RECOVERY_KEY")
    try:
        return unlock_vault(paths, keystore, Credentials(passphrase=passphrase, recovery_key=recovery))
    except KnownError:
        if passphrase is not None or recovery or not _interactive():
            raise
    prompt = getpass.getpass(_("Passphrase for your Coheara vault: "))
    return unlock_vault(paths, keystore, Credentials(passphrase=prompt))


def _cmd_import(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    from coheara.services.importing import import_files

    vault = open_vault(paths)
    outcomes = import_files(vault, args.paths, pdf_password=args.pdf_password)
    for o in outcomes:
        if o.status == "imported":
            notes = "".join(f" {note_text(n)}" for n in o.notes)
            pages = ngettext("{count} page", "{count} pages", o.pages).format(count=o.pages)
            _out(f"{_status('imported')}#{o.document_id}  {shown(o.path.name)} ({pages}){notes}")
        elif o.status == "duplicate":
            _out(f"{_status('duplicate')}#{o.document_id}  {shown(o.path.name)}: {o.reason}")
        else:
            _out(f"{_status('refused')}     {shown(o.path.name)}: {o.reason}")
    refused = any(o.status == "refused" for o in outcomes)
    new_ids = [o.document_id for o in outcomes if o.status == "imported" and o.document_id is not None]
    code = EXIT_OK
    if new_ids and not args.no_extract:
        code = _extract(vault, settings, new_ids)
    return EXIT_BAD_INPUT if refused else code


def _cmd_extract(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    from coheara.services.extraction import queued_document_ids

    if bool(args.ids) == bool(args.queued):
        raise UsageError(_("Give document ids or --queued (not both)."))
    vault = open_vault(paths)
    ids = queued_document_ids(vault) if args.queued else list(args.ids)
    if not ids:
        _out(_("Nothing is waiting to be read."))
        return EXIT_OK
    return _extract(vault, settings, ids)


def _extract(vault: Vault, settings: Settings, ids: list[int]) -> int:
    from coheara.cancel import Progress
    from coheara.services.engine import prepare_engine
    from coheara.services.extraction import extract_documents

    try:
        engine = prepare_engine(settings, dict(os.environ))
    except KnownError as exc:
        _err("coheara: " + _("documents stored and queued; reading them must wait: {reason}").format(
            reason=exc.one_line()))
        _err(_("Run `coheara extract --queued` once that is fixed."))
        return EXIT_EXTRACTION
    for note in engine.notes:
        _err(note)

    def show(p: Progress) -> None:
        if p.stage == "page" and p.message:
            _err(p.message)

    try:
        report = extract_documents(vault, engine, ids, progress=show)
    finally:
        engine.client.close()
    for doc_id in report.done:
        empty = report.nothing_found.get(doc_id)
        if empty:
            pages = ", ".join(str(p) for p in empty)
            found = ngettext("ready for your review; the AI model found no values on page {pages}, though its "
                             "text seems to hold some: check it",
                             "ready for your review; the AI model found no values on pages {pages}, though their "
                             "text seems to hold some: check them", len(empty)).format(pages=pages)
            _out(f"{_status('read')}#{doc_id}: {found}")
        else:
            _out(f"{_status('read')}#{doc_id}: " + _("ready for your review"))
    for doc_id, reason in report.failed.items():
        _out(f"{_status('queued')}#{doc_id}: {reason}")
    return EXIT_EXTRACTION if report.failed else EXIT_OK


def _cmd_documents(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    from coheara.services.documents import list_documents
    from coheara.services.extraction import attempt_listing

    vault = open_vault(paths)
    documents = list_documents(vault)
    if args.json:
        attempts = attempt_listing(vault)  # each page's tries, with the reason of each
        listing = [{**d.as_json(), "attempts": attempts.get(d.id, [])} for d in documents]
        _out(json.dumps(listing, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not documents:
        _out(_("Your vault is empty. Add documents with `coheara import FILE…`."))
        return EXIT_OK
    # Translators: "p." abbreviates "pages" in the column after each document's page count.
    pages = _("p.")
    statuses = [_document_status(d.shown_status.value) for d in documents]
    width = max(12, *(len(s) for s in statuses))
    for d, status in zip(documents, statuses, strict=True):
        date = i18n.show_date(d.doc_date or d.imported_at.date().isoformat())
        _out(f"#{d.id:<4} {date:<11} {status:<{width}} {d.pages:>3} {pages}  {shown(d.filename)}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    from coheara.services.exporting import export_to_file

    vault = open_vault(paths)
    written = export_to_file(vault, args.format, args.output)
    _err(_("Warning: the exported file is NOT encrypted. Keep it safe and delete it when no longer needed."))
    # English keeps "item(s)" in both forms (scripts read this line); other languages use real plurals.
    items = ngettext("{count} item(s) to {path}", "{count} item(s) to {path}", written.count)
    _out(_status("exported") + items.format(count=written.count, path=args.output))
    return EXIT_OK


def _cmd_doctor(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    from coheara.services.doctor import doctor_report, format_report

    report = doctor_report(paths, settings, dict(os.environ))
    _out(json.dumps(report, indent=2) if args.json else format_report(report))
    return EXIT_OK


def _cmd_passphrase(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    vault = open_vault(paths)
    new = _new_passphrase(secret("COHEARA_NEW_PASSPHRASE"))
    if not new:
        raise UsageError(_("No new passphrase given (set COHEARA_NEW_PASSPHRASE or run in a terminal)."))
    vault.change_passphrase(new)
    _out(_("Passphrase changed. Your data was not re-encrypted; the old passphrase no longer opens the vault."))
    return EXIT_OK


def _cmd_recovery_key(args: argparse.Namespace, paths: AppPaths, settings: Settings) -> int:
    vault = open_vault(paths)
    key = vault.new_recovery_key()
    _err(_("Your new recovery key (shown only this once; the old one no longer works):"))
    _err(f"    {key}")
    return EXIT_OK


def _status(word: str) -> str:
    """The first column of an import, extract or export line ("imported   "), in the patient's language.

    Scripts read the English words; the column is at least ten characters wide, as it always was."""
    shown_word = {
        "imported": pgettext("command line status", "imported"),
        "duplicate": pgettext("command line status", "duplicate"),
        "refused": pgettext("command line status", "refused"),
        "read": pgettext("command line status", "read"),
        "queued": pgettext("command line status", "queued"),
        "exported": pgettext("command line status", "exported"),
    }[word]
    return f"{shown_word:<10} "


def _document_status(code: str) -> str:
    """A document's status in the listing (``documents --json`` keeps the code)."""
    return {
        "queued": pgettext("document status", "queued"),
        "reading": pgettext("document status", "reading"),
        "needs_review": pgettext("document status", "needs review"),
        "reviewed": pgettext("document status", "reviewed"),
        "failed": pgettext("document status", "failed"),
    }.get(code, code.replace("_", " "))
