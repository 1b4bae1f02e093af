import { A } from '@solidjs/router';
import { t } from '../i18n';

export default function NotFound() {
  return (
    <section>
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('app.notFound')}
      </h1>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/">
          {t('app.backHome')}
        </A>
      </p>
    </section>
  );
}
