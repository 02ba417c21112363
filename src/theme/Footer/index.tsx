// Every page ends with a way to a person: support's WeChat QR code (as the live site's
// 联系我们 column has it) and the contact page. The image is lazy and below the fold, so it
// costs a first load nothing.
import type { ComponentProps } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import Footer from '@theme-original/Footer';
import styles from './styles.module.css';

const QR_CODE = 'https://cos.files.maozhishi.com/data/web/web-files/wx/tony-apan.png';
const CONTACT = 'https://laifa.xin/zhinan/contact-us';

export default function FooterWithSupport(props: ComponentProps<typeof Footer>) {
  return (
    <>
      <section className={styles.support} aria-labelledby="support-title">
        <img src={QR_CODE} alt={translate({ id: 'youxiang.support.qrAlt', message: '微信二维码' })} width={120} height={120} loading="lazy" decoding="async" />
        <div>
          <p id="support-title" className={styles.title}>
            <Translate id="youxiang.support.title">联系我们</Translate>
          </p>
          <p>
            <Translate id="youxiang.support.text">
              扫码加来发信客服微信，一对一帮你绑定：工作时间实时回复，其他时间第二天一早回复。
            </Translate>
          </p>
          <p>
            <Link to={CONTACT}>
              <Translate id="youxiang.support.contact">其他联系方式</Translate>
            </Link>
          </p>
        </div>
      </section>
      <Footer {...props} />
    </>
  );
}
