#!/usr/bin/env bash
# Says which system libraries the desk's window still lacks; the command line works without them.
# Qt cannot load its window plugin without them and stops with a message few people can act on,
# so the offline install runs this and names the Debian packages to install from the OS media.
#   scripts/check_gui_libs.sh [VENV]    exit 0: all present, 1: some missing
set -euo pipefail
venv=${1:-"$(dirname "$0")/../.venv"}
plugin=$(find "$venv" -path '*/PySide6/Qt/plugins/platforms/libqxcb.so' -print -quit 2>/dev/null || true)
if [ -z "$plugin" ]; then
    echo "找不到 Qt 的窗口插件（libqxcb.so），请检查 $venv 中的 PySide6 安装。" >&2
    exit 1
fi
# Debian names a library's package after its soname: libxcb-cursor.so.0 → libxcb-cursor0,
# libxkbcommon-x11.so.0 → libxkbcommon-x11-0 (a hyphen when the name ends in a digit).
package_of() {
    local name=${1%%.so.*} version=${1##*.so.}
    name=${name,,}
    version=${version%%.*}
    if [[ $name =~ [0-9]$ ]]; then echo "$name-$version"; else echo "$name$version"; fi
}
mapfile -t missing < <(ldd "$plugin" | awk '/=> not found/ {print $1}' | sort -u)
((${#missing[@]})) || exit 0
echo "注意：审发台的图形界面还缺少以下系统库（命令行功能不受影响）："
for lib in "${missing[@]}"; do
    echo "  $lib（Debian 软件包 $(package_of "$lib")）"
done
echo "请从操作系统的安装介质安装上述软件包，再启动图形界面。"
exit 1
