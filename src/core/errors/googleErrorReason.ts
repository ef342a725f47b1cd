// Google APIs (Gemini) say what is wrong with a key in a `google.rpc.ErrorInfo` detail, whatever the status: an
// invalid key is HTTP 400 INVALID_ARGUMENT with reason API_KEY_INVALID, not a 401, and a key restricted to some
// websites, addresses or APIs is a 403 with its own reason. The reasons are those of `google/api/error_reason.proto`
// in googleapis. None of these messages quotes the provider: Gemini's DebugInfo detail repeats the key.
import type { ProviderErrorKind } from './providerError';

export interface ReasonVerdict {
  kind: ProviderErrorKind;
  message: string;
}

/** Names the command a message points to (the UI offers it as a button for `auth` errors). */
const setKey = '“Switchboard: Set API Key”';

/**
 * What a Google ErrorInfo reason means for the person, or undefined for reasons that say nothing about the key
 * (rate limits and quotas are read from the status and QuotaFailure as for any provider).
 * `statusText` is ` (400)` or empty; `message` is the provider's raw message, only tested, never quoted.
 */
export function googleErrorReason(reason: string, provider: string, statusText: string, message = ''): ReasonVerdict | undefined {
  switch (reason) {
    case 'API_KEY_INVALID':
      // Gemini also answers an expired key with this reason, saying so in the message.
      return {
        kind: 'auth',
        message: /expired/i.test(message)
          ? `The ${provider} API key has expired${statusText}. Set a new key with ${setKey}.`
          : `The ${provider} API key was rejected${statusText}. Set a new key with ${setKey}.`,
      };
    case 'API_KEY_SERVICE_BLOCKED':
      return {
        kind: 'auth',
        message: `The ${provider} API key is not allowed to call this API${statusText}: its API restrictions leave it out. Allow the API for the key in the Google Cloud console (Credentials), or set another key with ${setKey}.`,
      };
    case 'API_KEY_HTTP_REFERRER_BLOCKED':
    case 'API_KEY_IP_ADDRESS_BLOCKED':
    case 'API_KEY_ANDROID_APP_BLOCKED':
    case 'API_KEY_IOS_APP_BLOCKED':
      return {
        kind: 'auth',
        message: `The ${provider} API key only works from ${restrictedTo(reason)}${statusText}, and requests from this computer are not among them. Set the key's application restrictions to None in the Google Cloud console (Credentials), or set another key with ${setKey}.`,
      };
    case 'SERVICE_DISABLED':
      return {
        kind: 'auth',
        message: `The API is not enabled in the Google Cloud project of the ${provider} key${statusText}. Enable it for that project, or set a key of another project with ${setKey}.`,
      };
    case 'CONSUMER_SUSPENDED':
      return {
        kind: 'auth',
        message: `The Google Cloud project of the ${provider} key is suspended${statusText}. Set a key of another project with ${setKey}.`,
      };
    case 'BILLING_DISABLED':
      return {
        kind: 'quota',
        message: `Billing is disabled for the Google Cloud project of the ${provider} key${statusText}. Enable billing for the project, or pick another model.`,
      };
    default:
      return undefined;
  }
}

function restrictedTo(reason: string): string {
  switch (reason) {
    case 'API_KEY_HTTP_REFERRER_BLOCKED':
      return 'certain websites (HTTP referrers)';
    case 'API_KEY_IP_ADDRESS_BLOCKED':
      return 'certain IP addresses';
    case 'API_KEY_ANDROID_APP_BLOCKED':
      return 'certain Android apps';
    default:
      return 'certain iOS apps';
  }
}
