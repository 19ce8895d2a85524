#!/usr/bin/env bash
# Smoke test of a built bundle (packaging/build_bundle.py), as a patient's computer would run it:
#   (a) headless: import a real PDF without reading it, list it as JSON, run doctor; then check that
#       nothing was written outside COHEARA_HOME (a throwaway HOME and TMPDIR stay empty) and that
#       the log does not name the file. From a checkout with its .venv, the stored page is also
#       read (extract --queued) against the tests' fake Ollama, served by the checkout's Python:
#       the test server is never part of the bundle;
#   (b) keyring, when dbus-run-session and gnome-keyring-daemon exist: a vault created with a
#       passphrase opens again from the Secret Service alone (keyring finds its backends through
#       entry points, which a frozen build loses unless they are bundled);
#   (c) GUI: the app on a real X display (Xvfb + openbox, Qt's xcb platform) opens its first-run
#       window; a screenshot is left to look at;
#   (d) Wayland, when weston exists: on a headless weston the app maps a toplevel titled Coheara
#       (seen in the client's WAYLAND_DEBUG trace: weston's headless backend has no screenshots).
#
#   usage: packaging/smoke_bundle.sh DIST_DIR [SCREENSHOT.png] [SECONDS]
#   DIST_DIR is the bundle folder holding the `coheara` binary (or the --dist folder above it).
# Needs: python3, Xvfb, xdotool, ImageMagick's import, openbox
#   (apt-get install -y xvfb xdotool imagemagick openbox). Exits non-zero on the first failure.
set -u

dist=${1:?usage: smoke_bundle.sh DIST_DIR [SCREENSHOT.png] [SECONDS]}
shot=${2:-/tmp/coheara-bundle-smoke.png}
wait_s=${3:-40}
[ -d "$dist/coheara" ] && dist="$dist/coheara"
app="$dist/coheara"
[ -x "$app" ] || { echo "smoke: no executable $app"; exit 2; }
app=$(cd "$(dirname "$app")" && pwd)/coheara
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/coheara-smoke.XXXXXX")
mkdir -p "$work/home" "$work/tmp" "$work/gui-home" "$work/gui-tmp" "$work/gui-run" "$work/wm-home"
chmod 700 "$work/gui-run"
xpid="" wm="" apid="" wpid="" spid=""
cleanup() {
  [ -n "$apid" ] && kill "$apid" 2>/dev/null
  [ -n "$wpid" ] && kill "$wpid" 2>/dev/null
  [ -n "$spid" ] && kill "$spid" 2>/dev/null
  [ -n "$wm" ] && kill "$wm" 2>/dev/null
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: FAIL: $*"; exit 1; }

# A real PDF: the corpus' one-page lab report, or SMOKE_PDF, or a generated one-page text PDF.
pdf=${SMOKE_PDF:-/work/shared/corpus/lab/en_ch_lab_electrophoresis.pdf}
if [ ! -f "$pdf" ]; then
  pdf="$work/smoke_lab_report.pdf"
  python3 - "$pdf" <<'EOF'
import sys
text = b"BT /F1 14 Tf 72 720 Td (Haemoglobin 13.9 g/dL  12.0 - 16.0) Tj ET"
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
           b" /Resources << /Font << /F1 5 0 R >> >> >>",
           b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
           b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
out, offsets = bytearray(b"%PDF-1.4\n"), []
for number, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1], "wb").write(out)
EOF
fi
name=$(basename "$pdf")

# --- (a) headless -------------------------------------------------------------------------------
headless() { OLLAMA_HOST="http://127.0.0.1:9" headless_at "$@"; }
headless_at() {  # takes OLLAMA_HOST (and COHEARA_MODEL) from the caller
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$work/home" TMPDIR="$work/tmp" \
    XDG_CACHE_HOME="$work/home/.cache" XDG_CONFIG_HOME="$work/home/.config" \
    XDG_DATA_HOME="$work/home/.local/share" COHEARA_HOME="$work/vault" \
    COHEARA_PASSPHRASE="smoke test passphrase, not a real one" COHEARA_ACCEPT_TERMS=1 "$app" "$@"
}
echo "smoke: $app"
# stderr holds the new vault's recovery key: keep it out of the output unless something failed.
headless import --no-extract "$pdf" 2>"$work/import.err" || fail "import --no-extract $name: $(tail -2 "$work/import.err")"
headless documents --json >"$work/documents.json" || fail "documents --json exited $?"
python3 - "$work/documents.json" "$pdf" <<'EOF' || fail "documents --json does not list $name as imported"
import hashlib, json, pathlib, sys
docs = json.load(open(sys.argv[1]))
pdf = pathlib.Path(sys.argv[2])
assert len(docs) == 1, docs
doc = docs[0]
assert doc["filename"] == pdf.name and doc["pages"] >= 1, doc
assert doc["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest(), doc
print(f"smoke: documents --json: #{doc['id']} {doc['filename']} {doc['pages']} page(s), status {doc['status']}")
EOF
headless doctor >"$work/doctor.txt" 2>&1 || fail "doctor exited $?: $(tail -3 "$work/doctor.txt")"
grep -q "^Vault:" "$work/doctor.txt" || fail "doctor printed no report: $(tail -3 "$work/doctor.txt")"
sed 's/^/smoke: doctor | /' "$work/doctor.txt"
checkout=$(cd "$here/.." && pwd)
if [ -x "$checkout/.venv/bin/python" ] && [ -f "$checkout/tests/fake_ollama.py" ]; then
  (cd "$checkout" && exec .venv/bin/python - >"$work/ollama.url" 2>"$work/ollama.err") <<'PY' &
import sys, time
sys.path.insert(0, "tests")
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, lab_page
with FakeOllama() as fake:
    fake.add_model("coheara-medgemma-4b-q8")
    fake.responder = PageResponder(lab_page(6))
    print(fake.url, flush=True)
    while True:
        time.sleep(3600)
PY
  spid=$!
  for _ in $(seq 100); do [ -s "$work/ollama.url" ] && break; sleep 0.1; done
  [ -s "$work/ollama.url" ] || fail "the test server did not start: $(tail -2 "$work/ollama.err")"
  OLLAMA_HOST=$(cat "$work/ollama.url") COHEARA_MODEL=q8 headless_at extract --queued >"$work/extract.txt" 2>&1 \
    || fail "extract --queued exited $?: $(tail -2 "$work/extract.txt")"
  headless documents --json | grep -q '"status": "needs_review"' || fail "the page was read, but not stored for review"
  kill "$spid"; wait "$spid" 2>/dev/null; spid=""
  echo "smoke: extract --queued against the tests' fake Ollama: $(grep -m1 '#1' "$work/extract.txt")"
else
  echo "smoke: reading skipped (needs the checkout's .venv and tests/)"
fi
stray=$(find "$work/home" "$work/tmp" -mindepth 1 | head -5)
[ -z "$stray" ] || fail "the headless commands wrote outside COHEARA_HOME: $stray"
if grep -rqF "$name" "$work/vault/logs" 2>/dev/null; then fail "a log names the imported file"; fi
echo "smoke: headless OK (HOME and TMPDIR untouched; logs do not name the file)"

# --- (b) keyring --------------------------------------------------------------------------------
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # One private D-Bus session for both commands: the second must open the vault by keyring alone.
  env COHEARA_HOME="$work/keyring-vault" OLLAMA_HOST="http://127.0.0.1:9" SMOKE_PDF="$pdf" COHEARA_ACCEPT_TERMS=1 \
    sh "$here/ci_keyring.sh" sh -c '
      COHEARA_PASSPHRASE="smoke test passphrase, not a real one" "$0" import --no-extract "$SMOKE_PDF" >/dev/null &&
      "$0" doctor --json | grep -q "\"backend\": \"keyring.backends.SecretService" &&
      "$0" documents --json </dev/null | grep -q "\"sha256\""' "$app" >"$work/keyring.log" 2>&1 \
    || fail "keyring: the vault did not open from the Secret Service: $(tail -3 "$work/keyring.log")"
  echo "smoke: keyring OK (SecretService found frozen; the vault reopened without the passphrase)"
else
  echo "smoke: keyring skipped (needs dbus-run-session and gnome-keyring-daemon)"
fi

# --- (c) GUI on a real X display ----------------------------------------------------------------
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y xvfb xdotool imagemagick openbox)"
done
n=150
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
if command -v openbox >/dev/null; then DISPLAY=":$n" HOME="$work/wm-home" openbox >/dev/null 2>&1 & wm=$!; fi

env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY -u COHEARA_PASSPHRASE DISPLAY=":$n" HOME="$work/gui-home" \
  TMPDIR="$work/gui-tmp" XDG_RUNTIME_DIR="$work/gui-run" COHEARA_HOME="$work/gui-vault" OLLAMA_HOST="http://127.0.0.1:9" \
  "$app" >"$work/gui.log" 2>&1 &
apid=$!
found=""
for _ in $(seq $((wait_s * 4))); do
  kill -0 "$apid" 2>/dev/null || break
  found=$(DISPLAY=":$n" xdotool search --onlyvisible --name Coheara 2>/dev/null | head -1)
  [ -n "$found" ] && break
  sleep 0.25
done
sleep 1  # let the first paint finish before the screenshot
DISPLAY=":$n" import -window root "$shot" 2>/dev/null
if [ -z "$found" ]; then
  kill -0 "$apid" 2>/dev/null && fail "no window named Coheara within ${wait_s}s (screenshot: $shot)"
  fail "the app exited before showing a window: $(tail -5 "$work/gui.log")"
fi
echo "smoke: GUI OK: window \"$(DISPLAY=":$n" xdotool getwindowname "$found")\" on xcb; screenshot: $shot"
kill "$apid" 2>/dev/null; wait "$apid" 2>/dev/null; apid=""
written=$(cd "$work" && find gui-home gui-tmp gui-run -mindepth 1 | head -8 | tr '\n' ' ')
[ -z "$written" ] || echo "smoke: note: the GUI session wrote outside COHEARA_HOME: $written"
# --- (d) Wayland ---------------------------------------------------------------------------------
if command -v weston >/dev/null; then
  mkdir -m 700 "$work/wl-run"
  XDG_RUNTIME_DIR="$work/wl-run" HOME="$work/wm-home" weston --backend=headless-backend.so \
    --socket=coheara-smoke --idle-time=0 >"$work/weston.log" 2>&1 &
  wpid=$!
  for _ in $(seq 50); do [ -e "$work/wl-run/coheara-smoke" ] && break; sleep 0.1; done
  env -u DISPLAY -u COHEARA_PASSPHRASE QT_QPA_PLATFORM=wayland WAYLAND_DISPLAY=coheara-smoke \
    WAYLAND_DEBUG=client XDG_RUNTIME_DIR="$work/wl-run" HOME="$work/gui-home" TMPDIR="$work/gui-tmp" \
    COHEARA_HOME="$work/wl-vault" OLLAMA_HOST="http://127.0.0.1:9" "$app" >"$work/wayland.log" 2>&1 &
  apid=$!
  mapped=""
  for _ in $(seq $((wait_s * 4))); do
    kill -0 "$apid" 2>/dev/null || break
    grep -q 'xdg_toplevel@[0-9]*\.set_title("Coheara")' "$work/wayland.log" &&
      grep -q 'wl_surface@[0-9]*\.attach(wl_buffer' "$work/wayland.log" && mapped=1 && break
    sleep 0.25
  done
  kill "$apid" 2>/dev/null; wait "$apid" 2>/dev/null; apid=""
  [ -n "$mapped" ] || fail "wayland: no Coheara toplevel within ${wait_s}s: $(grep -v '^\[' "$work/wayland.log" | tail -3)"
  echo "smoke: Wayland OK: toplevel \"Coheara\" mapped on a headless weston"
else
  echo "smoke: Wayland skipped (needs weston)"
fi
echo "smoke: all OK"
