"""The runner: where per-document work runs (this process, local processes, Dask), the record
cache, and the progress bar."""
