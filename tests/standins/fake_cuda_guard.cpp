// A device guard for "cuda" in a CPU build of torch, for tests only (tests/rehearsal.py compiles and loads it).
//
// FakeTensorMode can make tensors whose device is cuda on a CPU build, and CUDA autocast then sees them,
// but Python indexing, operators like ~x and autograd leaves ask c10 for the CUDA device guard first and
// fail with "PyTorch is not linked with support for cuda devices". c10 ships FakeGuardImpl (a guard that
// only records the device index) for exactly this kind of test; registering it for CUDA is all we need.
// No kernel ever runs: every tensor under FakeTensorMode is shapes and dtypes only.
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <c10/core/impl/FakeGuardImpl.h>

C10_REGISTER_GUARD_IMPL(CUDA, c10::impl::FakeGuardImpl<c10::DeviceType::CUDA>);
