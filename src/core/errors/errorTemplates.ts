// The English text of every error message built from an id (errorText.ts). The id is the stable key stored with
// a failed answer; the English text is the default, what logs and tests read, and the key under which the VS Code
// layer looks up a translation (src/vscode/errors/localizedErrorTemplates.ts; l10n/bundle.l10n.ru.json has one for
// every template). `{name}` is a parameter; `{status}` is ` (429)` or nothing, `{detail}` is `: “provider
// text”` or nothing, so a template reads as one sentence whichever of them are there.
// The activation bundle does not carry this table: it reads it from the engine bundle on first use
// (src/vscode/errors/lazyErrorTemplates.ts, swapped in by esbuild.js).
export const errorTemplates = {
  /** An error whose sentence was built before messages became data: shown as it is. */
  text: '{text}',

  'duration.ms': '{value} ms',
  'duration.s': '{value} s',
  'duration.min': '{value} min',
  'duration.h': '{value} h',
  'duration.hoursMinutes': '{hours} h {minutes} min',

  cancelled: 'Stopped.',
  'cancelled.rateLimitWait': 'The request was stopped while waiting for the rate limit.',

  'unexpected.client': 'The {provider} client failed unexpectedly: {detail}',
  'unexpected.reading': '{provider}: reading the answer failed unexpectedly: {detail}',
  'unexpected.request': 'The request to {provider} failed: {detail}',

  'config.missingKey': 'No {what} is set for {provider}. Set one with “Switchboard: Set API Key”{envHint}.',
  'config.missingKey.apiKey': 'API key',
  'config.missingKey.env': ' (or the {names} environment variable)',
  'config.missingKey.envs': ' (or the {names} environment variables)',
  'config.badSetting': 'The setting “{setting}” is not valid: {detail}',
  'config.unknownProvider': 'There is no provider “{provider}” in “switchboard.providers”.',

  'timeout.firstByte': '{host} did not answer within {duration}. Check your network, or raise “{setting}”.',
  'timeout.deadline':
    '{host} did not finish within {duration}, the longest one answer may take (“switchboard.requests.deadlineSeconds”); Switchboard stopped it.',
  'timeout.idle': '{host} stopped sending for {duration} in the middle of the answer.',
  'timeout.generation': '{provider} did not finish the image within {duration}. Try again, or raise “switchboard.images.timeoutSeconds”.',

  'billing.maybeCharged':
    '{message} The request may have reached {provider}, which may still charge for it; Switchboard did not send it again.',

  'invalid.answerTooLarge':
    'The answer of {provider} grew beyond {limit} characters, more than any model should write; Switchboard stopped reading it. The part received is kept.',
  'invalid.eventTooLarge':
    '{provider} sent one piece of the answer longer than {limit} characters without ending it; Switchboard stopped reading. The part received before it is kept.',
  'invalid.response': '{provider} sent an answer Switchboard cannot read: {detail}.',

  'chat.noModelConfigured': 'No chat model is configured: set switchboard.chat.model.',
  'chat.endedUnfinished': 'The answer from {provider}/{model} ended without finishing.',
  'chat.noFallbackAnswered': 'No model of the fallback chain could answer.',
  'chat.allSkipped':
    'Every model of the fallback chain is skipped for now because its provider kept failing ({providers}); try again in about {duration}.',
  'chat.circuitOpen': '{provider} failed several times in a row, so it is skipped for about {duration}.',
  'chat.unsupportedPart': '{provider}/{model} cannot take {part} parts yet.',
  'chat.imageNotLoaded':
    'The image “{image}” was not read before sending to {provider}/{model}, so nothing was sent. This is a bug in Switchboard; please report it.',
  'chat.part.image': 'image',
  'chat.part.toolCall': 'tool call',
  'chat.part.toolResult': 'tool result',
  'chat.unsupportedFeature': '{provider}/{model} cannot take {feature}; pick a model of another provider for this.',
  'chat.feature.tools': 'tools',
  'chat.feature.responseFormat': 'a required answer format (JSON)',
  'chat.contentFiltered':
    '{provider} blocked this request with its content filter ({reason}). Rephrase the request, or pick another model.',
  'chat.truncated': 'The connection to {provider} closed before the answer finished{kept}.',
  'chat.truncated.partKept': '; the part received is kept',
  'turn.noModel': 'No chat model is chosen yet. Pick one with “Switchboard: Select Chat Model”.',
  'turn.noFinalEvent': 'The answer ended without a final event.',

  // Why a context item (a chip) holds less than its file or folder (src/core/context/, docs/chat.md). Sent to the
  // model in English too (renderContextItem), so it knows what it was not shown.
  'context.excluded': '{name} matches switchboard.context.exclude, so it was not read.',
  'context.binary': '{name} is a binary file, so it was not read.',
  'context.tooLarge': '{name} is {size} KB, more than the {limit} KB a context file may have, so it was not read.',
  'context.notUtf8': '{name} is not UTF-8 text, so it was not read.',
  'context.missing': '{name} was not found; it may have been moved or deleted.',
  'context.unreadable': '{name} could not be read ({detail}).',
  'context.notAFile': '{name} is not a regular file, so it was not read.',
  'context.notAFolder': '{name} is not a folder.',
  'context.folderCapped':
    '{name} has more entries than the {count} looked at: the rest are not listed, and {read} of the {total} files listed are included.',
  'context.folderPartial': '{read} of the {total} files in {name} are included; the rest are listed by name only.',
  'context.outsideWorkspace': '{path} is outside the workspace folders, so it was not read.',
  'context.shellIntegrationOff':
    'The terminal “{terminal}” has no shell integration, so its output cannot be read. Turn on terminal.integrated.shellIntegration.enabled and open a new terminal.',
  'context.noTerminal': 'No terminal is open.',
  'context.noTerminalCommand': 'No command has finished in “{terminal}” since Switchboard started.',
  'context.noGit': 'The built-in Git extension is disabled or finds no repository in this workspace.',
  'context.noChanges': 'There are no staged or unstaged changes.',
  'context.noProblems': 'No errors, warnings or infos are reported.',
  'context.untrusted': 'This workspace is not trusted, so its instructions are not read.',

  // Embeddings and moderation (issue 19, docs/moderation-and-caching.md).
  'embeddings.unsupported':
    '{provider} has no embeddings Switchboard can use (OpenAI-compatible servers, Gemini and Ollama do). Name another embedding model in switchboard.chat.semanticCache.',
  'embeddings.wrongCount': 'The embeddings answer of {provider} had {got} vectors for {expected} texts.',
  'embeddings.wrongLength': 'The embeddings answer of {provider} had vectors of different or empty lengths ({lengths}).',
  'moderation.gatewayError': '{provider} could not check the text{detail}.',
  'moderation.unreadable':
    'The moderation answer of {provider} did not say whether the text was flagged (expected “flagged”, or OpenAI’s “results”).',

  // A tool call's errors and notes (issue 17, src/core/tools/, turns/runToolLoop.ts): the model reads them in English
  // as the call's result; the user sees them on the tool's card or under the answer.
  'tool.unknown': 'There is no tool “{name}”. The tools are: {tools}.',
  'tool.badJson': 'The arguments of {name} are not valid JSON ({detail}). Call it again with its arguments as one JSON object.',
  'tool.badArguments': 'The arguments of {name} are not valid: {detail}. Call it again with arguments that match its parameters.',
  'tool.failed': '{name} failed: {detail}',
  'tool.denied': 'The user did not allow {name} to run. Go on without it, or ask the user.',
  'tool.repeated':
    '{name} was called with the same arguments {count} times in a row, so this call was not run. Do not repeat it: use the results you have, or try something else.',
  'tool.notRun.stepLimit': 'Not run: this answer reached its limit of {max} steps.',
  'tool.note.stepLimit':
    'The answer stopped at its limit of {max} steps (switchboard.tools.maxSteps). Ask it to continue if it needs more.',
  'tool.note.repeated': '{name} was called with the same arguments {count} times in a row; the repeat was not run.',
  'tool.path.noWorkspace': 'No folder is open, so there are no workspace files to reach.',
  'tool.path.empty': 'No file path was given.',
  'tool.path.invalid': '“{path}” is not a valid path.',
  'tool.path.outside': '{path} is outside the workspace folders; tools reach nothing outside them.',
  'tool.path.escapes': '{path} leads out of the workspace folder (through “..”); tools reach nothing outside the workspace folders.',
  'tool.path.git': '{path} is inside .git, which tools never read or change.',
  'tool.path.excluded': '{path} matches switchboard.context.exclude, so tools do not read or change it.',
  'tool.path.linkOutside': '{path} is a link to a place outside the workspace folders, so tools do not follow it.',
  'tool.path.linkToGit': '{path} is a link to {target} inside .git, which tools never read or change.',
  'tool.path.linkExcluded': '{path} is a link to {target}, which matches switchboard.context.exclude, so tools do not read or change it.',
  'tool.path.linkLoop': '{path} is a link that leads round in a loop.',
  'tool.path.missing': '{path} does not exist.',
  'tool.path.notFolder': '{path} is not a folder.',
  'tool.read.pastEnd': '{path} has {lines} lines; line {start} is past its end.',
  'tool.badGlob': 'The glob “{glob}” is not valid: {detail}.',
  'tool.list.capped': 'Only {count} of the {total} files found are listed.',
  'tool.list.walkCapped': 'The listing stopped at its limit of {count} files and folders looked at.',
  'tool.search.badRegex': 'The query is not a valid regular expression: {detail}.',
  'tool.search.failed': 'The search failed: {detail}.',
  'tool.search.cappedResults': 'The search stopped at its limit of {count} matches.',
  'tool.search.cappedChars': 'The search stopped at its limit of {count} characters of results.',
  'tool.search.cappedBytes': 'The search stopped at its limit of {size} MB read.',
  'tool.search.cappedWalk': 'The search stopped at its limit of {count} files and folders looked at.',
  'tool.edit.emptySearch': 'The search text for {path} is empty: give the lines to replace, copied from the file.',
  'tool.edit.notFound':
    'The search text was not found in {path}. Read the file again and copy the lines to replace exactly, spaces included.',
  'tool.edit.ambiguous': 'The search text occurs {count} times in {path}. Include more of the lines around it so that it occurs once.',
  'tool.edit.missingFile': '{path} does not exist: a new file is proposed with create_file.',
  'tool.create.exists': '{path} already exists: a change to it is proposed with propose_edit.',
  'tool.edit.unchanged': 'The proposed text of {path} is the same as its current text: nothing would change.',
  'tool.git.unavailable':
    'get_diff has no changes to read: the built-in Git extension is disabled, or it finds no git repository in the workspace folders.',

  // Inline completions (issue 18, src/core/completions/): shown once in the status item, never as a popup per keystroke.
  'completion.noModel': 'No completion model is chosen. Pick one with “Switchboard: Select Completion Model”.',
  'completion.unsupportedProvider':
    '{label} cannot complete code inline. Pick a completion model of another provider with “Switchboard: Select Completion Model”.',
  'completion.noFim':
    '{provider} cannot fill in the middle with “{model}”{status}{detail}. Pick a code model it serves that can (such as Qwen2.5-Coder or Codestral) with “Switchboard: Select Completion Model”.',
  'completion.suffixRefused':
    '{provider} does not take the text after the cursor{status}{detail}, and the fill-in-the-middle template of “{model}” is not known. Pick a model of a known family (Qwen2.5-Coder, DeepSeek-Coder, StarCoder, CodeLlama, Codestral).',
  'completion.timeout': '{provider}/{model} suggested nothing within {duration}, so the suggestion was dropped.',
  'completion.rateLimited': 'Completions from {provider}/{model} reached their rate limit; the next one can go in about {duration}.',
  'completion.paused': 'Completions from {provider} failed several times in a row, so they are paused for about {duration}.',

  'config.needsKind': 'The provider “{provider}” in “switchboard.providers” needs a `kind` (openai, anthropic, gemini or sydney).',
  'config.needsBaseUrl': 'The provider “{provider}” in “switchboard.providers” needs a `baseUrl`.',
  'config.baseUrlNotUrl': 'The base URL of “{provider}” is not a URL: “{url}”.',
  'config.baseUrlScheme': 'The base URL of “{provider}” must start with http:// or https://.',
  'config.baseUrlCredentials':
    'The base URL of “{provider}” must not contain a user name or password; keys go in “Switchboard: Set API Key”.',
  'config.imagesOnly': '{label} makes images only; it cannot be used for chat.',
  'config.noSuchProvider': 'There is no provider “{provider}”: add it to switchboard.providers or pick a model of a configured provider.',

  'fusionBrain.noTextToImage': 'Fusion Brain lists no text-to-image pipeline{listed}.',
  'fusionBrain.noPipeline': 'Fusion Brain has no pipeline “{model}”{listed}.',
  'fusionBrain.listed': '; it lists {pipelines}',
  'fusionBrain.timeout':
    'Kandinsky did not finish within {duration} (the last status was {status}). Fusion Brain may be busy; try again later.',
  'fusionBrain.failed': 'Kandinsky could not make the image{reason}.',
  'fusionBrain.noReason': ' (it gave no reason)',
  'fusionBrain.notStarted': 'Fusion Brain did not start the job: “{said}”.',
  'fusionBrain.filtered': 'Fusion Brain’s content filter blocked this image. Change the prompt and try again.',
  'fusionBrain.queueFull': 'Kandinsky is busy right now (Fusion Brain’s queue is full), try again later.',
  'fusionBrain.disabled': 'Kandinsky is not taking jobs right now ({state}), try again later.',

  'image.finishReason': '{provider} could not make the image (finish reason {reason}). Try again.',
  'image.tooLarge': '{provider} sent an image larger than {size}; Switchboard stopped reading it.',

  'image.moderationBlocked':
    '{provider} refused to make this image because of its safety system (moderation_blocked). Change the prompt and try again.',
  'image.emptyAnswer': '{provider} sent an empty answer{where} instead of an image.',
  'image.notImage.one': '{provider} sent 1 byte{where} that are not a PNG, JPEG or WebP image ({leading}).',
  'image.notImage': '{provider} sent {count} bytes{where} that are not a PNG, JPEG or WebP image ({leading}).',
  'image.noSuchStabilityModel':
    '{provider} has no image model “{model}”: use core, ultra, sd3, sd3.5-large (or another sd3.5 model), or v1/<engine id> from the engines list.',
  'image.notAnImageProvider': '{label} does not make images. Choose Stability AI, Fusion Brain, OpenAI or the Sydney gateway.',
  'image.skipped.filtered': "Image {number} was blurred or replaced by {provider}'s content filter, so it was not saved.",
  'image.skipped.notImage': 'Image {number} was not saved: its {count} bytes are not a PNG, JPEG or WebP image ({leading}).',
  'image.notBase64': '{provider} sent {what} that is not base64 (it starts with “{start}”).',
  'http.modelNotFound.image':
    "The model “{model}” was not found at {provider}{status}{detail}. Choose another image model (“switchboard.images.model”). Or check the provider's base URL.",
  'http.notFound.image':
    "The requested model was not found at {provider}{status}{detail}. Choose another image model (“switchboard.images.model”). Or check the provider's base URL.",

  // Downloading an image from the URL a provider answered with (images/downloadImage.ts).
  'download.notUrl': '{provider} answered with an image address that is not a URL: “{url}”.',
  'download.scheme': '{provider} answered with an image address Switchboard will not open ({scheme} is not http or https).',
  'download.credentials': '{provider} answered with an image address that contains a user name or password; Switchboard will not open it.',
  'download.moved': 'The image moved{status}.',
  'download.failed': 'Downloading the image from {host} failed{status}.',
  'download.expired': 'Downloading the image from {host} failed{status}. The link may have expired; generate the image again.',
  'download.tooManyRedirects': 'The image at {host} redirected more than {max} times; Switchboard stopped following it.',
  'download.insecureRedirect':
    'The image at {host} redirected from https to plain http ({next}); Switchboard will not follow a redirect that drops encryption.',
  'download.timeout': 'The image at {host} did not arrive within {duration}. Try again later.',
  'download.tooLarge':
    'The image at {host} is larger than {size}, more than any generated image should be; Switchboard stopped downloading it.',
  'download.refused':
    'Switchboard did not download the image from {where}: that is {kind}. Images named in an answer are downloaded only from public addresses.',
  'download.refused.trusted':
    "Switchboard did not download the image from {where}: that is {kind}. Images named in an answer are downloaded only from public addresses, or from the same kind of address as {provider}'s own base URL.",
  'download.resolvesTo': '{host}, which resolves to {address}',
  'address.public': 'a public address',
  'address.loopback': 'a loopback address (this computer)',
  'address.unspecified': 'the unspecified address (this computer)',
  'address.private': 'a private-network address',
  'address.shared': 'a carrier-grade NAT (shared) address',
  'address.linkLocal': 'a link-local address (where cloud metadata services answer)',
  'address.multicast': 'a multicast address',
  'address.reserved': 'a reserved or special-purpose address',
  'size.bytes': '{value} bytes',
  'size.kb': '{value} KB',
  'size.mb': '{value} MB',

  // What a provider's own request checks refuse (stability, sydney, fusionBrain and openAi image providers).
  'image.check.stabilityStyle': 'Stability has no style “{style}”: use one of {styles}.',
  'image.check.formats': '{label} makes {formats} images, not {format}.',
  'image.check.v1PngOnly': 'Stability v1 engines make PNG images only, not {format}.',
  'image.check.aspectRatios': '{label} accepts only these aspect ratios: {listed}. {value} is not one of them.',
  'image.check.ratioNotSize': '{label} takes an aspect ratio ({listed}), not a pixel size: {size} is {ratio}, none of them.',
  'image.check.sizes': '{label} accepts only these sizes: {listed}. {value} is not one of them.',
  'image.check.sideFromTo': '{label} sizes must be multiples of {step} from {min} to {max}: {value} is not.',
  'image.check.sideUpTo': '{label} sizes must be multiples of {step} up to {max}: {value} is not.',
  'image.check.sydneyModel': 'The Sydney gateway makes images with sdxl or kandinsky, not “{model}”.',
  'image.check.fusionBrainModel': 'Fusion Brain makes images with the model “{kandinsky}” (or a pipeline id from its list), not “{model}”.',
  'image.check.kandinskyStyle': "A Kandinsky style is a name from Fusion Brain's style list, like ANIME or UHD: “{style}” is not.",
  'image.check.chooseModel': 'Choose an image model, e.g. gpt-image-1.',
  'image.check.transparentJpeg': 'A transparent background needs the png or webp format; {label} cannot make a transparent jpeg.',
  'image.check.compressionFormat':
    'Output compression applies to the jpeg and webp formats only: choose one of them, or leave the compression out.',
  'image.check.squareOrNot': '{label} makes square (1:1), landscape (3:2) or portrait (2:3) images: {value} is not one of them.',
  'image.check.reason.sydneyNegative': 'the gateway takes one for sdxl only',
  'image.check.reason.fusionBrainSeed': 'Fusion Brain does not let you choose one',
  'image.check.reason.openAiNegative': 'say what to leave out in the prompt itself',
  'image.label.sydneyModel': '{model} on the Sydney gateway',
  'image.label.sydneyGateway': 'The Sydney gateway',
  'image.leading.none': 'there are none',
  'image.leading.text': "they start with '{text}'",
  'image.leading.bytes': 'they start with bytes {bytes}',

  'imageRequest.emptyPrompt': 'The prompt is empty: describe the image to generate.',
  'imageRequest.promptTooLong': 'The prompt is {length} characters; {label} accepts at most {max}.',
  'imageRequest.negativeTooLong': 'The negative prompt is {length} characters; {label} accepts at most {max}.',
  'imageRequest.count': '{label} makes 1 to {max} images per request: {value} is not possible.',
  'imageRequest.seed': 'The seed must be a whole number from 0 to {max} for {label}: {value} is not.',
  'imageRequest.noNegativePrompt': '{label} takes no negative prompt{reason}. Leave the negative prompt empty.',
  'imageRequest.noSeed': '{label} takes no seed{reason}. Leave the seed out.',
  'imageRequest.noStyle': '{label} takes no style{reason}. Describe the style in the prompt instead.',
  'imageRequest.reason': ' ({reason})',
  'imageRequest.sizeBoth': 'Give both the width and the height of the image, or neither.',
  'imageRequest.side': 'Image sides are positive whole numbers of pixels: {value} is not.',
  'imageRequest.aspectRatio': 'The aspect ratio must look like 16:9: “{text}” does not.',
  'imageRequest.wholeNumberOption': 'The option “{name}” must be a whole number from {min} to {max} for {label}: {value} is not.',
  'imageRequest.numberOption': 'The option “{name}” must be a number from {min} to {max} for {label}: {value} is not.',
  'imageRequest.choiceOption': 'The option “{name}” for {label} must be one of {choices}: {value} is not.',

  // Editing and animating images (issue 16, docs/images.md "Editing and animating"): the source image read and
  // checked before anything is sent, and what the video job says.
  'sourceImage.empty': '{name} is empty: there is no image in it.',
  'sourceImage.gif': '{name} is a GIF. GIFs, animated or not, are not accepted as a source image: convert it to PNG first.',
  'sourceImage.svg': '{name} is an SVG: a vector image cannot be sent to an image service. Export it as a PNG first.',
  'sourceImage.otherFormat': '{name} is a {format} image; only PNG, JPEG and WebP images are accepted. Convert it to PNG first.',
  'sourceImage.unknown': '{name} is not a PNG, JPEG or WebP image ({leading}), so it cannot be used as a source image.',
  'sourceImage.corrupt':
    '{name} starts like a {format} image, but its size cannot be read from its header: the file is damaged or cut off.',
  'imageEdit.check.format': '{label} takes {formats} images; {name} is {format}.',
  'imageEdit.check.bytes': '{name} is {size}; {label} accepts at most {max}.',
  'imageEdit.check.minSide': '{name} is {size} pixels; {label} needs every side to be at least {min} pixels.',
  'imageEdit.check.maxSide': '{name} is {size} pixels; {label} accepts sides of at most {max} pixels.',
  'imageEdit.check.minPixels': '{name} is {size} pixels ({pixels} in all); {label} needs at least {min} pixels.',
  'imageEdit.check.maxPixels': '{name} is {size} pixels ({pixels} in all); {label} accepts at most {max} pixels.',
  'imageEdit.check.square': '{label} takes square images only; {name} is {size} pixels.',
  'imageEdit.check.exactSizes': '{label} takes images of exactly {listed} pixels; {name} is {size}. Resize or crop it first.',
  'imageEdit.check.maskSize':
    'The mask {mask} is {maskSize} pixels and the image {image} is {imageSize} pixels: they must be the same size.',
  'imageEdit.check.maskAlpha':
    'The mask {name} has no alpha channel: {label} changes the image where the mask is transparent, so the mask must be a PNG with transparency.',
  'imageEdit.check.promptNeeded': '{label} needs a prompt for {operation}: describe what the result should show.',
  'imageEdit.check.searchPromptNeeded': 'Search and replace needs a search prompt: name what to find in the image.',
  'imageEdit.check.strengthNeeded':
    'Image-to-image with {label} needs a strength from 0 to 1: how far the result may move away from the source.',
  'imageEdit.check.strength': 'The strength must be a number from 0 to 1: {value} is not.',
  'imageEdit.check.operation': '{label} cannot do {operation}; it offers {operations}.',
  'imageEdit.check.noOperations': '{label} cannot edit images; choose another model.',
  'imageEdit.check.notTaken': '{operation} takes no {field}; leave it out.',
  'imageEdit.cannotEdit': '{label} cannot edit images. Choose Stability AI or OpenAI.',
  'imageEdit.cannotAnimate': '{label} cannot animate images. Choose Stability AI.',
  'video.endpointGone':
    '{provider} says the image-to-video endpoint no longer exists ({status} for POST /v2beta/image-to-video){detail}. Switchboard cannot animate images with it.',
  'video.timeout':
    '{provider} did not finish the video within {duration} (job {job}). The job was started, so {provider} may still charge for it; Switchboard stopped waiting. To wait longer, raise “switchboard.images.timeoutSeconds”.',
  'video.afterStart': '{message} The video job {job} had been started, so {provider} may still charge for it.',
  'video.jobNotFound':
    '{provider} has no video job {job} ({status}): results are kept for 24 hours, and only for the key that started them.',
  'video.filtered': '{provider}’s content filter blocked this video. Try another image.',
  'video.empty': '{provider} sent an empty answer instead of the video.',
  'video.notMp4': '{provider} sent {count} bytes that are not an MP4 video ({leading}).',
  'video.tooLarge': '{provider} sent a video larger than {size}; Switchboard stopped reading it.',

  'rateLimit.dailyLimit':
    'The daily limit of {limit} requests for {provider}/{model} is used up; it resets in {duration} (at {clock}). Choose another model or raise the limit in switchboard.providers.',

  'detail.quoted': ': “{text}”',
  'detail.notJson': ': the body is not JSON: “{text}”',
  'detail.emptyBody': ' with an empty body',
  'detail.askedToWait': '; it asked to wait {duration}',
  'detail.forModel': ' for “{model}”',
  'detail.flaggedFor': ' for “{reasons}”',
  'detail.pageTitle': ' (“{title}”)',

  'http.html': '{provider} answered{status} with an HTML page instead of JSON — a proxy or gateway error{title}.',
  'http.moderation':
    '{provider} did not pass the request on: its moderation flagged the input{reasons}{status}. Rephrase the request, or pick another model.',
  'http.outOfCredits':
    "Your {provider} account has run out of credits or reached its spending limit{status}{detail}. Check billing on the provider's website, or pick another model.",
  'http.dailyQuota':
    'The daily {provider} quota{model} is used up{status}: {quotaId}. It resets once a day; pick another model or try again tomorrow.',
  'http.contextTooLong':
    'The request is too large for {provider}{model}{status}{detail}. Start a new chat, or send less of the file or selection.',
  'http.contentPolicy': '{provider} refused the request because of its content policy{status}{detail}.',
  'http.overloadedType': '{provider} is overloaded right now{status}{detail}. Try again in a moment, or pick another model.',
  'http.region': '{provider} is not available in your region{status}{detail}. Pick a model of another provider.',
  'http.auth': 'The {provider} API key was rejected{status}. Set a new key with “Switchboard: Set API Key”.',
  'http.paymentRequired': '{provider} says payment is required{status}{detail}. Add credits to your account, or pick another model.',
  'http.forbidden':
    '{provider} refused access{status}{detail}. The key may not be allowed to use this model, or the service may not be available in your region.',
  'http.noModelList':
    "{provider} has no model list at its base URL{status}{detail}. Check the provider's base URL in “switchboard.providers”.",
  'http.modelNotFound':
    "The model “{model}” was not found at {provider}{status}{detail}. Pick another model with “Switchboard: Select Model”. Or check the provider's base URL.",
  'http.notFound':
    "The requested model was not found at {provider}{status}{detail}. Pick another model with “Switchboard: Select Model”. Or check the provider's base URL.",
  'http.requestTimeout': '{provider} timed out waiting for the request{status}{detail}.',
  'http.conflict': '{provider} reported a conflict{status}{detail}. Trying again usually helps.',
  'http.tooLarge': 'The request is too large for {provider}{status}. Start a new chat, or send less of the file or selection.',
  'http.rateLimited': '{provider} is rate-limiting requests{status}{wait}{detail}.',
  'http.overloaded':
    '{provider} is overloaded or temporarily unavailable{status}{empty}{detail}. Try again in a moment, or pick another model.',
  'http.notImplemented': '{provider} does not support this request{status}{empty}{detail}.',
  'http.server': '{provider} had a server error{status}{empty}{detail}. Try again later.',
  'http.redirect': "{provider} answered with a redirect{status}. Set the provider's base URL to the final address.",
  'http.rejected': '{provider} rejected the request{status}{empty}{detail}.',
  'http.other': '{provider} reported an error{status}{detail}.',

  'google.keyExpired': 'The {provider} API key has expired{status}. Set a new key with “Switchboard: Set API Key”.',
  'google.keyServiceBlocked':
    'The {provider} API key is not allowed to call this API{status}: its API restrictions leave it out. Allow the API for the key in the Google Cloud console (Credentials), or set another key with “Switchboard: Set API Key”.',
  'google.keyRestricted':
    "The {provider} API key only works from {where}{status}, and requests from this computer are not among them. Set the key's application restrictions to None in the Google Cloud console (Credentials), or set another key with “Switchboard: Set API Key”.",
  'google.restrictedTo.referrers': 'certain websites (HTTP referrers)',
  'google.restrictedTo.ips': 'certain IP addresses',
  'google.restrictedTo.android': 'certain Android apps',
  'google.restrictedTo.ios': 'certain iOS apps',
  'google.serviceDisabled':
    'The API is not enabled in the Google Cloud project of the {provider} key{status}. Enable it for that project, or set a key of another project with “Switchboard: Set API Key”.',
  'google.consumerSuspended':
    'The Google Cloud project of the {provider} key is suspended{status}. Set a key of another project with “Switchboard: Set API Key”.',
  'google.billingDisabled':
    'Billing is disabled for the Google Cloud project of the {provider} key{status}. Enable billing for the project, or pick another model.',

  'network.proxy':
    'The proxy {proxy} refused to connect to {host} ({detail}). Check “http.proxy” and the HTTPS_PROXY / NO_PROXY environment.',
  'network.certificate':
    'The TLS certificate of {host} could not be verified ({code}). If a corporate proxy inspects TLS, add its certificate to the system, or set “http.proxyStrictSSL” to false.',
  'network.cutOff': 'The connection to {host} closed before the answer finished{code}.',
  'network.refused': 'Could not connect to {host}: the connection was refused. Is the server running, and is the base URL right?',
  'network.hostNotFound': 'Could not find the host {host} (DNS lookup failed). Check the base URL and your network or proxy settings.',
  'network.dnsNotAnswering': 'Could not look up {host} (DNS is not answering). Check your network.',
  'network.connectTimeout': 'Connecting to {host} timed out. Check your network or proxy settings.',
  'network.failed': 'The connection to {host} failed ({detail}). Check your network or proxy settings.',

  // Budgets (issue 19, docs/spend.md "Budgets"): {budget} is one of the budget.name.* texts; amounts are "$0.05".
  'budget.held': 'This request could cost up to {worst}, more than is left of {budget}: {left} of {limit}. It was not sent.',
  'budget.usedUp': 'Nothing is left of {budget}: {spent} of {limit} spent. The request was not sent.',
  'budget.warning': '{percent}% of {budget} is spent: {spent} of {limit}.',
  'budget.name.day': 'the daily budget',
  'budget.name.month': 'the monthly budget',
  'budget.name.dayProvider': 'the daily budget for {provider}',
  'budget.name.monthProvider': 'the monthly budget for {provider}',
  // VS Code's own language models as the provider kind `vscode-lm` (docs/vscode-chat.md).
  'vscodeLm.noPermissions':
    'VS Code did not let Switchboard use {model}: the permission was refused. Allow it when VS Code asks, or pick another model.',
  'vscodeLm.blocked': 'VS Code blocks Switchboard from using {model}{detail}. Pick another model.',
  'vscodeLm.notFound':
    'VS Code has no language model “{model}” now: the extension that provided it may be disabled or signed out. Pick another model.',
  'vscodeLm.withdrawn': '{model} stopped answering mid-way: VS Code withdrew it{detail}. The text so far is kept.',
  'vscodeLm.failed': 'The VS Code language model {model} failed{detail}.',
  'vscodeLm.unavailable': 'This VS Code offers no language models to extensions, so “{provider}” cannot be used.',
} as const;

export type ErrorMessageId = keyof typeof errorTemplates;

export function isErrorMessageId(id: string): id is ErrorMessageId {
  return Object.hasOwn(errorTemplates, id);
}
