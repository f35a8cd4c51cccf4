"""Makes Tests/ importable for every Python check, so they share `sample_site`."""
