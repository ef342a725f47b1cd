import * as assert from 'node:assert/strict';
import { declarationOf } from '../../../src/core/edits/declarationOf';
import type { Declaration } from '../../../src/core/edits/declarationOf';
import type { SyntaxFamily } from '../../../src/core/edits/syntaxFamily';

const declarations: [SyntaxFamily, string, Declaration][] = [
  ['js', 'export default async function* load(url) {', { name: 'load', kind: 'function' }],
  ['js', 'export abstract class Repository<T> {', { name: 'Repository', kind: 'type' }],
  ['js', 'export interface Props {', { name: 'Props', kind: 'type' }],
  ['js', 'type Handler<T> = (event: T) => void;', { name: 'Handler', kind: 'type' }],
  ['js', 'export const enum Color {', { name: 'Color', kind: 'type' }],
  ['js', 'export const total = async (items: Item[]): Promise<number> => {', { name: 'total', kind: 'variable' }],
  ['js', 'const load = function (url) {', { name: 'load', kind: 'variable' }],
  ['js', 'private handleClick = (event: MouseEvent) => {', { name: 'handleClick', kind: 'method' }],
  ['js', 'async fetch<T>(url: string): Promise<T> {', { name: 'fetch', kind: 'method', needsBody: true }],
  ['js', 'constructor(', { name: 'constructor', kind: 'method', needsBody: true }],
  ['js', 'constructor(private readonly http: HttpClient) {}', { name: 'constructor', kind: 'method', needsBody: true }],
  ['python', 'async def load(path: str) -> Inventory:', { name: 'load', kind: 'function' }],
  ['python', 'def area(self) -> float:', { name: 'area', kind: 'method' }],
  ['python', 'class Inventory(Base):', { name: 'Inventory', kind: 'type' }],
  ['go', 'func (s *Server[T]) Stop() {', { name: 'Stop', kind: 'method', context: 'Server' }],
  ['go', 'func NewServer(addr string) *Server {', { name: 'NewServer', kind: 'function' }],
  ['go', 'type Temperature float64', { name: 'Temperature', kind: 'type' }],
  ['rust', 'pub(crate) async unsafe fn read(&self) -> u8 {', { name: 'read', kind: 'function' }],
  ['rust', "impl<'a, T: Display> fmt::Display for Wrapper<'a, T> {", { name: 'impl fmt::Display for Wrapper', kind: 'impl' }],
  ['rust', 'pub enum State {', { name: 'State', kind: 'type' }],
  ['jvm', 'public static <T> List<T> copy(List<T> items) {', { name: 'copy', kind: 'method' }],
  ['jvm', 'public async Task<IActionResult> Get(int id)', { name: 'Get', kind: 'method' }],
  ['jvm', 'public UsersController(IUserStore store)', { name: 'UsersController', kind: 'method' }],
  ['jvm', 'data class Point(val x: Int, val y: Int)', { name: 'Point', kind: 'type' }],
  ['jvm', 'suspend fun String.slug(): String {', { name: 'slug', kind: 'function', context: 'String' }],
  ['jvm', 'public string Name { get; set; }', { name: 'Name', kind: 'variable' }],
  ['c', 'static const char *name_of(int id) {', { name: 'name_of', kind: 'function' }],
  ['c', 'void Parser::parse(const std::string &text) {', { name: 'parse', kind: 'function', context: 'Parser' }],
  ['c', 'Parser::Parser() : depth(0) {', { name: 'Parser', kind: 'method', context: 'Parser' }],
  ['c', 'struct node {', { name: 'node', kind: 'type' }],
  ['ruby', 'def self.valid?(value)', { name: 'valid?', kind: 'method' }],
  ['php', 'public static function create(array $data): self', { name: 'create', kind: 'function' }],
  ['css', '.nav  >  li:hover,  .nav a {', { name: '.nav>li:hover,.nav a', kind: 'rule' }],
  ['css', '@media (max-width: 600px) {', { name: '@media (max-width: 600px)', kind: 'rule' }],
  ['json', '"compilerOptions": {', { name: 'compilerOptions', kind: 'key' }],
  ['unknown', 'def area(self):', { name: 'area', kind: 'method' }],
];

const notDeclarations: [SyntaxFamily, string][] = [
  ['js', 'if (ready) {'],
  ['js', "describe('cart', () => {"],
  ['js', 'items.forEach((item) => {'],
  ['js', 'setState({'],
  ['js', 'const total = items.length;'],
  ['js', 'return render(props);'],
  ['python', 'total = compute(items)'],
  ['jvm', 'return new Order(id);'],
  ['jvm', 'else if (ready) {'],
  ['jvm', 'abstract void run();'],
  ['c', 'struct node;'],
  ['c', 'return list_length(head);'],
  ['css', 'color: red;'],
  ['unknown', 'render(props) {'],
];

describe('declarationOf: the line that declares a definition, per family of syntax', () => {
  for (const [family, line, expected] of declarations) {
    it(`${family}: ${line} declares ${expected.kind} ${expected.name}`, () => {
      assert.deepEqual(declarationOf(`  ${line}`, family), expected);
    });
  }
  for (const [family, line] of notDeclarations) {
    it(`${family}: ${line} declares nothing`, () => {
      assert.equal(declarationOf(line, family), undefined);
    });
  }
});
