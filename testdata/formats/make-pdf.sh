#!/bin/sh
# Prints the PDF fixtures of this folder from our own report texts (county.txt,
# city.txt, district.txt: invented speakers and numbers), as a browser prints a
# saved report page: each text becomes an HTML page (a <p> per line, the first
# line a heading) printed by headless Chromium.
#
#   county.pdf    A5 pages with Chromium's own running header (date, page
#                 title) and footer (the page's address, 3/10) on every page
#   city.pdf      the same, larger type on letter pages, in an OpenType CJK
#                 font, which Chromium embeds as Type 3 glyphs (the others are
#                 in a TrueType font, embedded as such)
#   district.pdf  no browser header; the page prints its own running head and
#                 "— 3 —" page numbers (CSS page margin boxes)
#   scan.pdf      county.txt's first page as a picture: no text layer
#   encrypted.pdf county.pdf locked with a password to open (qpdf)
#   restricted.pdf county.pdf with an owner password only (copying "forbidden"):
#                 opens without a password, so it is read
#
# Needs chromium-headless-shell (or chromium), fonts-wqy-zenhei, fonts-noto-cjk
# and qpdf (Debian packages).
# The header prints the day it was run, so a rerun changes the bytes, not the text.
set -eu
cd "$(dirname "$0")"
chrome=$(command -v chromium-headless-shell || command -v chromium)
tmp=$(mktemp -d /tmp/reports.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# page TEXT TITLE CSS: an HTML page of the text, one <p> per line.
page() {
	{
		printf '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
		printf '<title>%s</title>\n<style>\n' "$2"
		printf 'body { font-family: "WenQuanYi Zen Hei"; font-size: 15pt; line-height: 1.9 }\n'
		printf 'h1 { text-align: center; font-size: 22pt } p { text-indent: 2em; margin: 0.3em 0 }\n%s\n' "$3"
		printf '</style></head><body>\n'
		sed -e 's/&/\&amp;/g; s/</\&lt;/g' -e '1s|.*|<h1>&</h1>|' -e '2,$s|.*|<p>&</p>|' "$1"
		printf '</body></html>\n'
	} >"$tmp/${1%.txt}.html"
}

# print NAME OUT [FLAGS]: prints $tmp/NAME.html to OUT.
print() {
	name=$1 out=$2
	shift 2
	"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/profile" --print-to-pdf="$out" "$@" "file://$tmp/$name.html" 2>/dev/null
}

page county.txt '2020年长兴县政府工作报告_长兴县人民政府门户网站' '@page { size: A5 }'
print county county.pdf
page city.txt '湖州市2022年政府工作报告 - 湖州市人民政府' 'body { font-family: "Noto Serif CJK SC"; font-size: 19pt }'
print city city.pdf
page district.txt '武侯区政府工作报告' '@page { size: A5; margin: 22mm 18mm;
  @top-center { content: "成都市武侯区人民政府公报"; font-size: 9pt }
  @bottom-center { content: "— " counter(page) " —"; font-size: 10pt } }'
print district district.pdf --no-pdf-header-footer

# A scan: the first screen of county.html as a picture, printed alone.
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --hide-scrollbars --window-size=560,700 --screenshot="$tmp/scan.png" "file://$tmp/county.html" 2>/dev/null
printf '<!DOCTYPE html><html><body style="margin:0"><img src="scan.png" style="width:100%%"></body></html>\n' >"$tmp/scan.html"
print scan scan.pdf --no-pdf-header-footer

qpdf --encrypt user-pw owner-pw 256 -- county.pdf encrypted.pdf
qpdf --encrypt '' owner-pw 256 --extract=n --modify=none -- county.pdf restricted.pdf
