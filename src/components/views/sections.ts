/** The single-page sections of each locale, routed by src/pages/[locale]/[section].astro. */
import GlossaryView from './GlossaryView.astro';
import QuizView from './QuizView.astro';
import SearchView from './SearchView.astro';
import SelfAssessmentView from './SelfAssessmentView.astro';
import SourcesView from './SourcesView.astro';
import SpeechView from './SpeechView.astro';
import ValuesView from './ValuesView.astro';

export const sectionViews = {
  speech: SpeechView,
  values: ValuesView,
  glossary: GlossaryView,
  quiz: QuizView,
  'self-assessment': SelfAssessmentView,
  search: SearchView,
  sources: SourcesView,
};

export type Section = keyof typeof sectionViews;
