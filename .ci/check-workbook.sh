#!/usr/bin/env bash
# Opens the export's workbooks in LibreOffice (headless) and renders them to PDF and PNG pages, to look at: the
# check that a sheet really opens and prints in a spreadsheet program, which the Open XML validator in the tests
# cannot give. Not part of .ci/run (LibreOffice is a large install); run it by hand:
#
#   bash .ci/check-workbook.sh [OUT_DIR]      # default /tmp/chainbot-workbooks
#
# Needs: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei (a CJK font, or the Chinese prints
# as boxes), and the CLI built (dotnet build ChainBot.sln -c Release).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/chainbot-workbooks}
command -v soffice >/dev/null || { echo "check-workbook: LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "check-workbook: pdftoppm is not installed (apt-get install -y poppler-utils)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
dotnet src/ChainBot.Cli/bin/Release/net10.0/chainbot.dll export samples/compound/day.jsonl \
  --compound samples/compound/compound.json --format xlsx --out "$out"
dotnet src/ChainBot.Cli/bin/Release/net10.0/chainbot.dll ledger samples/compound/day.jsonl --format xlsx --out "$out"
for book in "$out"/*.xlsx; do
  # A profile of its own, so a desktop LibreOffice running for the same user does not swallow the conversion.
  timeout 180 soffice -env:UserInstallation=file://"$out"/.profile --headless --convert-to pdf --outdir "$out" "$book" >/dev/null
  pdf="${book%.xlsx}.pdf"
  [ -s "$pdf" ] || { echo "check-workbook: LibreOffice could not open $book" >&2; exit 1; }
  pdftoppm -r 60 -png "$pdf" "${book%.xlsx}"
  echo "$book: $(ls "${book%.xlsx}"-*.png | wc -l) pages"
done
