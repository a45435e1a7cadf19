"""Reads a children in need census XML file into a small tree that keeps each element's source
line, so that every problem in a council's previous return can be reported at its line.

The file is parsed with the standard library's expat parser directly (no third-party XML
library): a document type declaration or an entity declaration is refused outright, so a
hostile file cannot expand entities or reach outside itself. Text is stripped; attributes and
namespaces play no part in the census and are ignored (an element is named by its local name).
"""

import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Node:
    tag: str
    line: int
    text: str = ""
    children: list["Node"] = field(default_factory=list)

    def all(self, tag: str) -> list["Node"]:
        return [c for c in self.children if c.tag == tag]

    def first(self, tag: str) -> "Node | None":
        return next((c for c in self.children if c.tag == tag), None)

    def value(self, tag: str) -> str:
        node = self.first(tag)
        return node.text if node is not None else ""


@dataclass(frozen=True)
class XmlProblem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class CensusRefused(Exception):
    def __init__(self, problems: list[XmlProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class _Hostile(Exception):
    pass


class _Builder:
    """Builds the Node tree from expat's callbacks, noting each element's line."""

    def __init__(self, parser) -> None:
        self.parser = parser
        self.stack: list[Node] = []
        self.roots: list[Node] = []
        self.texts: list[list[str]] = []
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.characters
        parser.StartDoctypeDeclHandler = self.refuse_doctype
        parser.EntityDeclHandler = self.refuse_entity
        parser.ExternalEntityRefHandler = self.refuse_entity

    def start(self, name, _attributes) -> None:
        node = Node(tag=name.rsplit(":", 1)[-1].rsplit("}", 1)[-1],
                    line=self.parser.CurrentLineNumber)
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)
        self.texts.append([])

    def end(self, _name) -> None:
        self.stack.pop().text = "".join(self.texts.pop()).strip()

    def characters(self, data) -> None:
        if self.texts:
            self.texts[-1].append(data)

    def refuse_doctype(self, *_args):
        raise _Hostile("the file declares a document type: a census file does not")

    def refuse_entity(self, *_args):
        raise _Hostile("the file declares an entity: a census file does not")


def parse_bytes(data: bytes) -> Node:
    """The document's root element as a Node tree, or CensusRefused (with the line)."""
    parser = xml.parsers.expat.ParserCreate()
    builder = _Builder(parser)
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        raise CensusRefused([XmlProblem(error.lineno, "not well-formed XML: "
                                        f"{xml.parsers.expat.ErrorString(error.code)} "
                                        f"(column {error.offset + 1})")]) from None
    except _Hostile as error:
        raise CensusRefused([XmlProblem(parser.CurrentLineNumber, str(error))]) from None
    if not builder.roots:
        raise CensusRefused([XmlProblem(None, "the file has no XML elements")])
    return builder.roots[0]


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Node:
    size = path.stat().st_size
    if size > max_bytes:
        raise CensusRefused([XmlProblem(None, f"The file is {size / 1024 / 1024:,.1f} MB: the "
                                              f"limit is {max_bytes / 1024 / 1024:,.0f} MB")])
    return parse_bytes(path.read_bytes())
