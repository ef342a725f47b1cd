// Google APIs (Gemini) say what is wrong with a key in a `google.rpc.ErrorInfo` detail, whatever the status: an
// invalid key is HTTP 400 INVALID_ARGUMENT with reason API_KEY_INVALID, not a 401, and a key restricted to some
// websites, addresses or APIs is a 403 with its own reason. The reasons are those of `google/api/error_reason.proto`
// in googleapis. None of these messages quotes the provider: Gemini's DebugInfo detail repeats the key.
import { errorText, type ErrorText } from './errorText';
import type { ErrorMessageId } from './errorTemplates';
import type { ProviderErrorKind } from './providerError';

export interface ReasonVerdict {
  kind: ProviderErrorKind;
  text: ErrorText;
}

/**
 * What a Google ErrorInfo reason means for the person, or undefined for reasons that say nothing about the key
 * (rate limits and quotas are read from the status and QuotaFailure as for any provider).
 * `statusText` is ` (400)` or empty; `message` is the provider's raw message, only tested, never quoted.
 */
export function googleErrorReason(reason: string, provider: string, statusText: string, message = ''): ReasonVerdict | undefined {
  const auth = (id: ErrorMessageId, extra: Record<string, string | ErrorText> = {}): ReasonVerdict => ({
    kind: 'auth',
    text: errorText(id, { provider, status: statusText, ...extra }),
  });
  switch (reason) {
    case 'API_KEY_INVALID':
      // Gemini also answers an expired key with this reason, saying so in the message.
      return auth(/expired/i.test(message) ? 'google.keyExpired' : 'http.auth');
    case 'API_KEY_SERVICE_BLOCKED':
      return auth('google.keyServiceBlocked');
    case 'API_KEY_HTTP_REFERRER_BLOCKED':
    case 'API_KEY_IP_ADDRESS_BLOCKED':
    case 'API_KEY_ANDROID_APP_BLOCKED':
    case 'API_KEY_IOS_APP_BLOCKED':
      return auth('google.keyRestricted', { where: errorText(restrictedTo(reason)) });
    case 'SERVICE_DISABLED':
      return auth('google.serviceDisabled');
    case 'CONSUMER_SUSPENDED':
      return auth('google.consumerSuspended');
    case 'BILLING_DISABLED':
      return { kind: 'quota', text: errorText('google.billingDisabled', { provider, status: statusText }) };
    default:
      return undefined;
  }
}

function restrictedTo(reason: string): ErrorMessageId {
  switch (reason) {
    case 'API_KEY_HTTP_REFERRER_BLOCKED':
      return 'google.restrictedTo.referrers';
    case 'API_KEY_IP_ADDRESS_BLOCKED':
      return 'google.restrictedTo.ips';
    case 'API_KEY_ANDROID_APP_BLOCKED':
      return 'google.restrictedTo.android';
    default:
      return 'google.restrictedTo.ios';
  }
}
