"""The network of networks: partner organisations, affiliations and their administrators."""
