"""Writing .xlsx workbooks that are byte-identical for identical content.

openpyxl stamps the save time into docProps/core.xml and into every zip entry; both are
replaced by a fixed date here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def save_workbook(workbook: Workbook, path: str | Path) -> None:
    """Save `workbook` to `path` with fixed timestamps (deterministic bytes)."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.creator = "povertyplan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = _W3CDTF.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
