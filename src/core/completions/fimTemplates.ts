// The fill-in-the-middle prompt formats of the code model families Switchboard knows (docs/completions.md), for
// servers that will not build the prompt themselves: vLLM refuses `suffix` ('suffix is not currently supported'),
// and Ollama refuses it for a model whose template has no insert branch ('… does not support insert'). Each family's
// special tokens are those of its model card or tokenizer:
//   - Qwen2.5-Coder / Qwen3-Coder: `<|fim_prefix|>…<|fim_suffix|>…<|fim_middle|>` (the Qwen2.5-Coder README,
//     "Code with fill-in-the-middle"), ending in `<|endoftext|>`;
//   - CodeGemma: the same three tokens, ending in `<|file_separator|>` (its model card, "Code completion");
//   - DeepSeek-Coder (and V2): `<｜fim▁begin｜>…<｜fim▁hole｜>…<｜fim▁end｜>` (the DeepSeek-Coder README, "Code Insertion");
//   - StarCoder, StarCoderBase and StarCoder2: `<fim_prefix>…<fim_suffix>…<fim_middle>` (the bigcode model cards);
//   - CodeLlama: `<PRE> {prefix} <SUF>{suffix} <MID>`, ending in `<EOT>` (the Code Llama paper, and Meta's
//     `infilling` example in codellama's generation.py);
//   - Codestral: `[SUFFIX]{suffix}[PREFIX]{prefix}` (Mistral's tokenizer, `encode_fim`): the suffix comes first.
// The stop sequences are the family's own tokens, so a model that starts another file or another hole stops there.

export type FimFamily = 'qwen-coder' | 'codegemma' | 'deepseek-coder' | 'starcoder' | 'codellama' | 'codestral';

export interface FimTemplate {
  family: FimFamily;
  /** The whole prompt for a prefix and a suffix. */
  prompt(prefix: string, suffix: string): string;
  /** Where the model's middle ends (besides its end-of-text token, which servers stop at anyway). */
  stop: readonly string[];
}

const templates: Record<FimFamily, FimTemplate> = {
  'qwen-coder': {
    family: 'qwen-coder',
    prompt: (prefix, suffix) => `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`,
    stop: [
      '<|endoftext|>',
      '<|fim_prefix|>',
      '<|fim_suffix|>',
      '<|fim_middle|>',
      '<|fim_pad|>',
      '<|repo_name|>',
      '<|file_sep|>',
      '<|im_end|>',
    ],
  },
  codegemma: {
    family: 'codegemma',
    prompt: (prefix, suffix) => `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`,
    stop: ['<|file_separator|>', '<|fim_prefix|>', '<|fim_suffix|>', '<|fim_middle|>', '<end_of_turn>', '<eos>'],
  },
  'deepseek-coder': {
    family: 'deepseek-coder',
    prompt: (prefix, suffix) => `<｜fim▁begin｜>${prefix}<｜fim▁hole｜>${suffix}<｜fim▁end｜>`,
    stop: ['<｜fim▁begin｜>', '<｜fim▁hole｜>', '<｜fim▁end｜>', '<｜end▁of▁sentence｜>', '<|EOT|>'],
  },
  starcoder: {
    family: 'starcoder',
    prompt: (prefix, suffix) => `<fim_prefix>${prefix}<fim_suffix>${suffix}<fim_middle>`,
    stop: ['<|endoftext|>', '<fim_prefix>', '<fim_suffix>', '<fim_middle>', '<file_sep>'],
  },
  codellama: {
    family: 'codellama',
    prompt: (prefix, suffix) => `<PRE> ${prefix} <SUF>${suffix} <MID>`,
    stop: ['<EOT>', '<PRE>', '<SUF>', '<MID>', '</s>'],
  },
  codestral: {
    family: 'codestral',
    prompt: (prefix, suffix) => `[SUFFIX]${suffix}[PREFIX]${prefix}`,
    stop: ['[PREFIX]', '[SUFFIX]', '[MIDDLE]', '</s>'],
  },
};

/**
 * Model ids as servers name them: Hugging Face repositories (`Qwen/Qwen2.5-Coder-7B`), Ollama tags
 * (`qwen2.5-coder:7b-base`), GGUF file names (`qwen2.5-coder-1.5b-q8_0.gguf`), LM Studio keys.
 */
const families: readonly (readonly [RegExp, FimFamily])[] = [
  [/qwen[\d.]*[-_ ]?coder/, 'qwen-coder'],
  [/codegemma/, 'codegemma'],
  [/deepseek[-_ ]?coder/, 'deepseek-coder'],
  [/starcoder/, 'starcoder'],
  [/code[-_ ]?llama/, 'codellama'],
  [/codestral/, 'codestral'],
];

/** The FIM template of `model`'s family, or undefined when the family is not one of those above. */
export function fimTemplateFor(model: string): FimTemplate | undefined {
  const id = model.toLowerCase();
  for (const [pattern, family] of families) if (pattern.test(id)) return templates[family];
  return undefined;
}
