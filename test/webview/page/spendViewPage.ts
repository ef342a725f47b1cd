// The spend view's test page: the stand-in for VS Code's API first, then the view's own script.
import './fakeSpendVsCodeApi';
import '../../../src/webview/spend/spendMain';
