/** Reads the files the results page was given, off the page's thread: a large cohort does not freeze the page. */
import { analyseFiles, type OpenedFile, type ResultsModel } from '../../lib/cohort-results';

self.onmessage = (event: MessageEvent<{ files: OpenedFile[]; model: ResultsModel; fallback: string }>) => {
  const { files, model, fallback } = event.data;
  self.postMessage(analyseFiles(files, model, fallback));
};
