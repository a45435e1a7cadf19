"""Writes census records (the year module's nested dicts) as the DfE's XML, child by child, so a
large authority's file is streamed rather than held in memory as one tree."""

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import BinaryIO

from hearth.returns.cin.shapes import Repeated


def element(name: str, content) -> ET.Element:
    node = ET.Element(name)
    _fill(node, content)
    return node


def _fill(node: ET.Element, content) -> None:
    if isinstance(content, str):
        node.text = content
        return
    for name, value in content.items():
        if isinstance(value, Repeated):
            wrapper = ET.SubElement(node, name)
            for item in value.values:
                ET.SubElement(wrapper, value.item).text = item
        elif isinstance(value, list):
            for block in value:
                _fill(ET.SubElement(node, name), block)
        else:
            _fill(ET.SubElement(node, name), value)


def write(out: BinaryIO, header: dict, children: Iterable[dict]) -> int:
    """Writes the whole Message; returns the number of children written."""
    out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<Message>\n')
    out.write(_serialise(element("Header", header), level=1))
    out.write(b"  <Children>\n")
    count = 0
    for child in children:
        out.write(_serialise(element("Child", child), level=2))
        count += 1
    out.write(b"  </Children>\n</Message>\n")
    return count


def _serialise(node: ET.Element, *, level: int) -> bytes:
    ET.indent(node, space="  ", level=level)
    return b"  " * level + ET.tostring(node, encoding="utf-8", xml_declaration=False) + b"\n"
