"""The UNO side of review/convert.py, run by Debian's python3 (which has python3-uno; the desk's
virtual environment cannot import uno).

It connects to the LibreOffice process review/convert.py started (a named pipe, no TCP port), then
reads one JSON request a line on stdin and answers one JSON line on stdout:

    {"src": "/tmp/…/in.docx", "dst": "/tmp/…/out.pdf", "filter": "writer_pdf_Export", "view": true}
    -> {"ok": true} | {"ok": false, "error": "…", "dead": false}

When stdin closes (the desk ended, however it ended) the worker kills the office process group.
"dead" says the office process went away (review/convert.py then starts a new one and tries again).
Documents are opened hidden and read-only, with macros never run and links never updated. A request
with "view": false loads the document as a model alone, with no view: Debian's headless LibreOffice
(libreoffice-writer-nogui) ships no dialog layouts, and the view of a document with comments builds
its comment windows from one and aborts the whole office. Without a view the PDF export cannot lay
pages out (and a DOCX saved to ODT lost its text boxes' anchoring), so only the DOC, WPS and ODT
drafts the desk reads as DOCX are loaded so.
Nothing here is imported by the desk itself: uno is loaded only when this file runs as a script.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from typing import Any

# LibreOffice's PDF export: no bookmarks, notes, form fields or tags (a tagged PDF carries alt
# text), no ODF copy of the source inside the PDF (a "hybrid" PDF).
PDF_FILTER_DATA = {
    "ExportBookmarks": False,
    "ExportNotes": False,
    "ExportNotesPages": False,
    "ExportOnlyNotesPages": False,
    "ExportFormFields": False,
    "ExportPlaceholders": False,
    "UseTaggedPDF": False,
    "IsAddStream": False,
    "ExportLinksRelativeFsys": False,
    "EmbedStandardFonts": True,
    "ExportHiddenSlides": False,
}


def _props(uno: Any, **values: Any) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue

    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        out.append(prop)
    return tuple(out)


def _connect(uno: Any, pipe: str, deadline: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    while True:
        try:
            return resolver.resolve(url)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


_LOAD = {
    "Hidden": True,
    "ReadOnly": True,
    "MacroExecutionMode": 0,  # css.document.MacroExecMode.NEVER_EXECUTE
    "UpdateDocMode": 0,  # css.document.UpdateDocMode.NO_UPDATE: no linked content fetched
    "Silent": True,
}


def _model(uno: Any, context: Any, url: str) -> Any:
    """The document at `url` loaded without a view, its import filter found by deep detection."""
    manager = context.ServiceManager
    detection = manager.createInstanceWithContext("com.sun.star.document.TypeDetection", context)
    found, descriptor = detection.queryTypeByDescriptor(_props(uno, URL=url), True)
    if not found:
        return None
    given = {p.Name: p.Value for p in descriptor}
    filter_name = given.get("FilterName") or dict((p.Name, p.Value) for p in detection.getByName(found)).get(
        "PreferredFilter", ""
    )
    doc = manager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
    doc.load(_props(uno, URL=url, FilterName=filter_name, **_LOAD))
    return doc


def _convert(uno: Any, context: Any, request: dict[str, Any]) -> dict[str, Any]:
    url = uno.systemPathToFileUrl(request["src"])
    if request.get("view", True):
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(url, "_blank", 0, _props(uno, **_LOAD))
    else:
        doc = _model(uno, context, url)
    if doc is None:
        return {"ok": False, "error": "LibreOffice could not open the file", "dead": False}
    try:
        if request["filter"] == "writer_pdf_Export":
            filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", _props(uno, **PDF_FILTER_DATA))
            store = _props(uno, FilterName=request["filter"], FilterData=filter_data, Overwrite=True)
        else:
            store = _props(uno, FilterName=request["filter"], Overwrite=True)
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(request["dst"]), store))
        return {"ok": True}
    finally:
        try:
            doc.close(True)
        except Exception:
            doc.dispose()


def main() -> int:
    import uno

    pipe, connect_timeout, office_group = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    try:
        context = _connect(uno, pipe, time.monotonic() + connect_timeout)
    except Exception as exc:
        print(
            json.dumps({"ok": False, "error": f"cannot reach LibreOffice: {exc}", "dead": True}), flush=True
        )
        return 1
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = _convert(uno, context, request)
        except Exception as exc:
            name = type(exc).__name__
            dead = name in ("DisposedException", "RuntimeException") or "Binary URP bridge" in str(exc)
            answer = {"ok": False, "error": f"{name}: {exc}", "dead": dead}
        print(json.dumps(answer), flush=True)
        if answer.get("dead"):
            return 1
    # stdin closed: the desk ended (perhaps killed); the office it started must not outlive it.
    with contextlib.suppress(OSError):
        os.killpg(office_group, signal.SIGKILL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
