import { useEffect } from 'preact/hooks';
import { api } from '../api/client';
import type { User } from '../api/types';
import { LoadState, PageHeader } from '../admin/parts';
import { useLoad } from '../admin/useLoad';
import { authApi } from '../auth/authApi';
import { useI18n } from '../i18n/I18nProvider';
import { PasswordCard } from './PasswordCard';
import { SecondFactorCard } from './SecondFactorCard';
import { SignInsCard } from './SignInsCard';
import { TokensCard } from './TokensCard';
import { MyRepliesCard } from '../replies/MyRepliesCard';

/** "My account" (#/account), for every user: password, two-factor sign-in, passkeys, API tokens, sign-ins. */
export function AccountPage({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  const { t } = useI18n();
  const [data, reload] = useLoad(
    async () => {
      const [me, passkeys, tokens, signIns] = await Promise.all([api.me(), authApi.passkeys(), authApi.tokens(), authApi.signIns()]);
      return { me, passkeys, tokens, signIns };
    },
    'account',
  );

  useEffect(() => {
    document.title = `${t('account.title')} · Tandem`;
    return () => {
      document.title = 'Tandem';
    };
  }, []);

  const admin = user.role === 'admin';
  return (
    <main class="mc-main account" data-testid="account-page">
      <section class="mc-page">
        <PageHeader title={t('account.title')} intro={t('account.intro')} />
        {data.data ? (
          <>
            <PasswordCard username={user.username} />
            <SecondFactorCard
              totp={data.data.me.secondFactor?.totp ?? false}
              recoveryCodesLeft={data.data.me.secondFactor?.recoveryCodesLeft ?? 0}
              passkeys={data.data.passkeys}
              onChanged={reload}
            />
            <MyRepliesCard />
            <TokensCard tokens={data.data.tokens} showOwner={admin} onChanged={reload} />
            <SignInsCard signIns={data.data.signIns} showOwner={admin} onChanged={reload} onSignedOut={onSignedOut} />
          </>
        ) : (
          <div class="card">
            <LoadState loading={data.status === 'loading'} error={data.status === 'error' ? data.error : undefined} onRetry={reload} />
          </div>
        )}
      </section>
    </main>
  );
}
