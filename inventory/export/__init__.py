"""Exports for other tools: the baseline and the target as an ArchiMate model in The Open
Group's Model Exchange File Format (``archimate_model``, ``model_xml``, ``read_archimate``,
``schema_errors``)."""

from inventory.export.archimate import archimate_model
from inventory.export.exchange import ArchimateModel, model_xml, read_archimate, schema_errors

__all__ = ["ArchimateModel", "archimate_model", "model_xml", "read_archimate", "schema_errors"]
