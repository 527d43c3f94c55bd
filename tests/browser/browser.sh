# browser.sh - sourced by tests/browser/*.t: the setup of tests/lib.sh,
# then headless Chromium as $BROWSER (without it the test is skipped).
. "${0%/*}/../lib.sh"

BROWSER=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$BROWSER" ]; then
	echo "1..0 # skip no chromium (make check-browser installs it)"
	exit 0
fi

# headless PROFILE ARG...: Chromium without a window, from the profile
# folder PROFILE, with nothing reaching the network
headless() {
	prof=$1
	shift
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$prof" "$@"
}
