#!/usr/bin/env bash
# Make sure the Debian packages the full test suite needs are installed:
#   postgresql               second test pass (scripts/with-postgres.sh)
#   chromium, libatomic1     browser tests; Playwright's driver dies without libatomic1
#   libpango*, libharfbuzz-subset0, fonts-dejavu-core   WeasyPrint PDFs
#   poppler-utils            tests read generated PDFs back (pdftotext)
#   gettext                  msgfmt/xgettext for translations
# Installs what is missing when it may (root, or passwordless sudo); otherwise says
# what is missing and fails, rather than letting tests fail obscurely later.
set -euo pipefail

PACKAGES=(postgresql chromium libatomic1 libpango-1.0-0 libpangoft2-1.0-0
    libharfbuzz-subset0 fonts-dejavu-core poppler-utils gettext)

missing=()
for package in "${PACKAGES[@]}"; do
    # dpkg -s also succeeds for removed packages whose config files remain.
    if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$package")
    fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "system-deps: missing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "system-deps: cannot install them without root. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

# The lock timeout makes apt wait for a busy dpkg instead of failing at once.
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -o DPkg::Lock::Timeout=600
"${sudo[@]}" apt-get install -y -o DPkg::Lock::Timeout=600 "${missing[@]}"
