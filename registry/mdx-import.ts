// `import Name from '@site/src/components/Name'` as an MDX ESM node, estree included, for the
// plugins that add a component to a page: MDX compiles the estree, not the text.
export function componentImport(name: string) {
  const source = `@site/src/components/${name}`;
  return {
    type: 'mdxjsEsm' as const,
    value: `import ${name} from '${source}';`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
            source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
          },
        ],
      },
    },
  };
}
