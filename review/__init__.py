"""The checking engine: load documents, extract text, find what must not be disclosed.

Pure Python: no Qt, no database. Heavy libraries (PyMuPDF, jieba) are imported lazily so that
importing this package stays cheap.
"""

import sys as _sys

# PyMuPDF 2 tries `import pymupdf.layout` inside `import pymupdf`, and that loads its layout
# analyser's ONNX model (≈ 1.2 s, onnxruntime and numpy) whenever those are importable — as they
# are where the OCR engine (review/ocr.py) is installed. The desk never uses the analyser; an
# ImportError is what PyMuPDF expects when it is absent.
_sys.modules.setdefault("pymupdf.layout", None)  # type: ignore[arg-type]
