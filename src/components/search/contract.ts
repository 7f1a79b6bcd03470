/** The markup contract of the search island: what SearchPage.astro renders for site-search.ts to find. */
import { contract } from '../island-contract';

export const siteSearch = contract('site-search', ['form', 'query', 'filters', 'status', 'results', 'help', 'suggest', 'more']);
