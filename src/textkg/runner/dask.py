"""Run the per-document work on a Dask distributed cluster: an existing scheduler
(``tcp://HOST:PORT``) or a LocalCluster of worker processes (``local``).

Workers run ``textkg.runner.work.extract_batch``, the same function as local processes; each worker
process keeps its pipeline in ``textkg.runner.work.worker_pipeline``, so the model is loaded once per
worker, not per task. Workers need textkg and the spaCy model installed (same versions as here).
"""

from __future__ import annotations

import logging

from ..errors import ExecutionError
from ..records import Document
from .work import PipelineLoader, Result, extract_batch, warm_worker

LOCAL = "local"


class DaskEngine:
    def __init__(self, address: str, workers: int, loader: PipelineLoader, batch_size: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ExecutionError("--dask needs Dask distributed; install it with: pip install 'textkg[dask]'") from None
        self._loader = loader
        self._batch_size = batch_size
        self._cluster = None
        try:
            if address == LOCAL:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout="10s")
        except ValueError as exc:
            raise ExecutionError(f"--dask {address!r}: not a scheduler address (tcp://HOST:PORT) nor 'local': {exc}") from exc
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ExecutionError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        threads = sum(self._client.nthreads().values())
        if threads == 0:
            self.close()
            raise ExecutionError(f"the Dask scheduler at {address} has no workers")
        self.window = 2 * threads

    def warm(self, lang: str) -> None:
        self._client.run(warm_worker, self._loader, lang, True)

    def submit(self, documents: tuple[Document, ...]) -> Result:
        # pure=False: two batches never share a result, even with equal contents.
        return self._client.submit(extract_batch, documents, self._loader, self._batch_size, pure=False)

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
