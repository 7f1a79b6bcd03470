/**
 * What a guide page (content/pages/…/*.mdx) may hold: prose and Markdown, and the site's own
 * components with literal props. MDX could also import modules and run expressions at build
 * time, or carry HTML (scripts, frames, forms, remote images): content/ is edited by trainers as
 * data and prose, so anything more fails the build, naming the file and the line.
 * Checked on the file itself before any loader reads it (src/lib/content-files.ts, from
 * src/content.config.ts), so no guide is compiled, let alone run, before it passes.
 */
import { mdxToMdast } from 'satteri';

/** The site's components a guide may use, and the props each takes. */
export const guideComponents: Record<string, readonly string[]> = {
  CaseCard: ['id'],
  CaseQuiz: ['rubric', 'level'],
};

/** Markdown's own nodes (with GFM): everything else in an MDX tree is code or markup. */
const markdownNodes = new Set([
  'root', 'yaml', 'toml', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code',
  'blockquote', 'list', 'listItem', 'thematicBreak', 'break', 'link', 'linkReference', 'image', 'imageReference',
  'definition', 'table', 'tableRow', 'tableCell', 'footnoteReference', 'footnoteDefinition',
]);

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** A link may go anywhere on the web or in the site, but never run code. */
const codeUrl = /^\s*(?:javascript|vbscript|data|file):/i;
/** An image must be the site's own: a remote one is a request to another host from every reader. */
const remoteUrl = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** A literal prop written in braces: a number or true/false (level={1}). */
const literalExpression = /^\s*(?:-?\d+(?:\.\d+)?|true|false)\s*$/;

/** The problems of one guide's tree, each "line n: …". */
export function guideProblems(tree: Node): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 0;
    const at = (message: string) => problems.push(`line ${line}: ${message}`);
    switch (node.type) {
      case 'mdxjsEsm':
        at('import and export are not allowed in a guide page (guides hold prose, Markdown and the site’s components)');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        at(`expressions in braces are not allowed in a guide page: {${String(node.value ?? '').trim().slice(0, 40)}}`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const props = guideComponents[name];
        if (!props) {
          at(`<${name || '>'}> is not allowed in a guide page: use Markdown, or one of the site’s components (${Object.keys(guideComponents).map((c) => `<${c}>`).join(', ')})`);
          break;
        }
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute') at(`<${name}> takes no spread props ({...})`);
          else if (!props.includes(attribute.name ?? '')) at(`<${name}> has no prop "${attribute.name}" (it takes ${props.join(', ')})`);
          else if (attribute.value !== null && typeof attribute.value === 'object') {
            const source = String((attribute.value as { value?: unknown }).value ?? '');
            if (!literalExpression.test(source)) at(`<${name}> ${attribute.name}={${source.trim().slice(0, 40)}}: props must be literal text, numbers or true/false`);
          }
        }
        if (node.children?.length) at(`<${name}> takes no content: write it as <${name} … />`);
        break;
      }
      case 'html':
        at('HTML is not allowed in a guide page');
        break;
      case 'link':
      case 'definition':
        if (codeUrl.test(node.url ?? '')) at(`link "${node.url}" would run code or embed data: links go to pages`);
        break;
      case 'image':
        if (remoteUrl.test(node.url ?? '')) at(`image "${node.url}" is not on this site: images must be the site’s own files`);
        break;
      default:
        if (!markdownNodes.has(node.type)) at(`"${node.type}" is not Markdown and not allowed in a guide page`);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}

/**
 * The problems of a guide page's source (front matter included, so lines are the file's), each
 * "line n: …"; MDX that does not parse is one problem, with the parser's words.
 */
export function guideSourceProblems(source: string): string[] {
  let tree: Node;
  try {
    tree = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    return [`does not parse as MDX: ${(error as Error).message}`];
  }
  return guideProblems(tree);
}
