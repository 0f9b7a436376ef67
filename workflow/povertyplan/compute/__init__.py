"""Computing: standards and classification, the Parquet datasets, commune aggregates, targets, deprivations, flows, attainment, trends, reconciliation and geography."""
