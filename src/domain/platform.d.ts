/**
 * The few platform globals domain code may use. They exist alike in Node, browsers and
 * Web Workers; declaring them here keeps DOM and Node types out of src/domain.
 */
interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
