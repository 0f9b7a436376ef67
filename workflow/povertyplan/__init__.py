"""povertyplan: district poverty planning from household review records."""
