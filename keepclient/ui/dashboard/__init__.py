"""The Dashboard tab (issue 16): the team KPIs for a period, per salesperson, with charts (QtCharts loads lazily)."""
