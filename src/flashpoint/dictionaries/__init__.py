"""Actor dictionaries: countries, organisations, people, agent nouns, peoples (validated YAML).

>>> from flashpoint.dictionaries import load_dictionaries
>>> load_dictionaries().people["donald_trump"].country
'USA'
"""

from flashpoint.dictionaries.loader import (DATA_DIR, SECTIONS, load_dictionaries,
                                            merge_user_dictionary, read_file)
from flashpoint.dictionaries.model import (FORMER_OFFICE_SECTORS, AgentEntry, CountryEntry,
                                           Dictionaries, OrgEntry, PeoplesEntry, PersonEntry,
                                           Role)
from flashpoint.dictionaries.roles import person_role

__all__ = ["DATA_DIR", "SECTIONS", "FORMER_OFFICE_SECTORS", "AgentEntry", "CountryEntry",
           "Dictionaries", "OrgEntry", "PeoplesEntry", "PersonEntry", "Role", "load_dictionaries",
           "merge_user_dictionary", "person_role", "read_file"]
