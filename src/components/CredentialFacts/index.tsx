// What the registry knows about a provider's password, said once in prose: whether any
// password can bind now and why, then each condition. Pages that explain a provider's
// password rules (108, Microsoft 365 on 200) render it, so the guide, the first-screen
// card and the checker never tell the reader different things.
import { translate } from '@docusaurus/Translate';
import type { credentialFactsData } from '@site/registry/page-data';
import { credentialHeadline } from '../QuickSetup';

type Data = ReturnType<typeof credentialFactsData>;

export default function CredentialFacts({ data }: { data: Data }) {
  return (
    <>
      {data.blocked ? (
        <p>
          <strong>
            {credentialHeadline(data)}
            {translate({ id: 'youxiang.facts.colon', message: '：' })}
          </strong>
          {data.blocked}
          {translate({ id: 'youxiang.facts.end', message: '。' })}
        </p>
      ) : null}
      {data.prerequisites.length ? (
        <ul>
          {data.prerequisites.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
