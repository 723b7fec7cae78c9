"""Names of the files generated from the model, and the identifiers they publish.

Kept apart from the generator so that tools can find the files without importing the model.
"""

from .version import KHTH_VERSION

XML_NAMESPACE = "urn:khth:xml:1"
SCHEMA_IDS = {
    "document": f"urn:khth:schema:{KHTH_VERSION}:document",
    "bundle": f"urn:khth:schema:{KHTH_VERSION}:bundle",
}
SCHEMA_FILES = {"document": "document.schema.json", "bundle": "bundle.schema.json"}
XSD_FILE = "khth.xsd"
SHAPE_FILE = "shape.json"
ROOT_NAMES = {"document": "Document", "bundle": "Bundle"}
