"""Analytics over the stored events: dyad series, the actor network, escalation, sourcing.

Library functions over an open (read-only is enough) DuckDB connection; the CLI commands
``flashpoint dyads``, ``network`` and ``escalation`` and the REST API call them. Only
asserted events are counted unless ``modality`` says otherwise.
"""

from flashpoint.analytics.escalation import (EscalationSettings, change_point, dyad_escalation,
                                             escalation_report, signal)
from flashpoint.analytics.forecast import ForecastSettings, backtest, forecast
from flashpoint.analytics.network import actor_network, export_graph, graph_json
from flashpoint.analytics.series import dyad_series, top_dyads
from flashpoint.analytics.sourcing import sourcing_stats

__all__ = ["EscalationSettings", "ForecastSettings", "actor_network", "backtest",
           "change_point", "dyad_escalation", "dyad_series", "escalation_report",
           "export_graph", "forecast", "graph_json", "signal", "sourcing_stats", "top_dyads"]
