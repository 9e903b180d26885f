"""Event ontologies: CAMEO codes, Goldstein scale, quad classes, PLOVER types and the crosswalk."""

from flashpoint.ontology.model import (CameoCode, Coding, Ontology, PloverType, load_ontology,
                                       load_ontology_from)

__all__ = ["CameoCode", "Coding", "Ontology", "PloverType", "load_ontology", "load_ontology_from"]
