"""The checking engine: load documents, extract text, find what must not be disclosed.

Pure Python: no Qt, no database. Heavy libraries (PyMuPDF, jieba) are imported lazily so that
importing this package stays cheap.
"""
